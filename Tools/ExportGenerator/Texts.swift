/// Free text for tasks, notes and activities. Some of it holds commas, quotes and line breaks on purpose:
/// that is what makes RFC 4180 quoting (and a reader's handling of it) matter.
enum Texts {
    static let taskSubjects = [
        "Follow up on proposal", "Send pricing sheet", "Schedule demo", "Call back about renewal",
        "Prepare quarterly review", "Check contract status", "Send onboarding guide", "Confirm meeting agenda",
        "Update billing contact", "Ask for referral",
    ]
    static let taskDescriptions = [
        "Customer asked for the updated price list, including the volume discount.",
        "Agenda:\n1. Renewal terms\n2. Seat count\n3. Support, SLAs and escalation",
        "Said \"call me after the board meeting\"; board meets on the 15th.",
        "Re-send the proposal, the first one went to spam.",
        "Check with legal whether the DPA is signed.\r\nIf not, send the standard version.",
        "Quick check-in, no agenda.",
    ]
    static let noteTitles = [
        "Call summary", "Meeting notes", "Pricing discussion", "Renewal risk", "Technical requirements",
        "Intro from partner", "Trade show lead", "Support escalation",
    ]
    static let textNoteBodies = [
        "Discussed renewal timeline. Customer wants a 3-year term, but only if pricing stays flat.",
        "Call recap:\n- budget approved\n- legal review next week\n- \"hard deadline\" is end of quarter",
        "Left voicemail, will try again Thursday.",
        "Met at the trade show; interested in the analytics add-on.",
        "Decision maker is the CFO, not the IT lead.\nSend the ROI calculator before Friday.",
        "They use a competitor today (\"too expensive, slow support\"), contract ends in March.",
        "No answer.",
    ]
    static let htmlNoteBodies = [
        "<p>Spoke with the team about the <b>renewal</b>. "
            + "See the <a href=\"https://example.com/pricing\">pricing page</a>.</p>",
        "<p><b>Next steps:</b></p>\n<ul><li>Send contract</li><li>Book onboarding, two sessions</li></ul>",
        "<p>Requested a quote for <b>40 seats</b>, annual billing.</p>"
            + "<p>Details: <a href=\"https://example.com/quote?id=42&amp;v=2\">quote</a></p>",
        "<p>Escalated to support &mdash; ticket <a href=\"https://support.example.com/t/1893\">#1893</a>.</p>",
    ]
    static let callSubjects = ["Discovery call", "Follow-up call", "Pricing call", "Support call", "Check-in"]
    static let emailSubjects = [
        "Re: Proposal", "Your quote", "Intro", "Re: Contract questions", "Meeting follow-up", "Invoice question",
    ]
    static let meetingSubjects = ["Demo", "Quarterly business review", "Kickoff", "Onsite workshop", "Contract review"]
    static let callBodies = [
        "Left voicemail.", "Discussed timeline, budget and next steps.", "Customer asked for a discount.",
        "Walked through the \"advanced\" plan.", "",
    ]
    static let emailBodies = [
        "Thanks for your time today. Attached is the proposal.", "Following up on my last email.",
        "Can we move the call to Tuesday?", "Please find the invoice attached, as discussed.",
    ]
    static let meetingBodies = [
        "Agenda: intro, demo, Q&A.", "Attendees agreed on a pilot, starting next month.",
        "Reviewed usage.\nAction items sent by email.", "",
    ]
    /// The planted unterminated quote: a note body cut off mid-field, as a truncated export ends.
    static let truncatedBody = "Forwarded from mobile:\r\nQuote for 40 seats, see attached PDF and the"
}
