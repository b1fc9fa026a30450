/// Words that make company names, job titles and pick-list values look like a real CRM's.
enum Vocabulary {
    static let companyPrefixes = [
        "Blue", "North", "Bright", "Silver", "Summit", "Harbor", "Iron", "Clear", "Green", "Red", "Oak", "Pine",
        "Stone", "Sun", "Star", "Lake", "River", "Cloud", "Peak", "Nova", "Atlas", "Cedar", "Falcon", "Maple",
    ]
    static let companyRoots = [
        "wave", "field", "bridge", "works", "point", "line", "gate", "light", "path", "ridge", "forge", "leaf",
        "rock", "bay", "view", "core", "port", "wind", "mark", "stream",
    ]
    /// Partners' surnames for law and consulting firms ("Fischer, Moreau & Partners"): a comma inside a name.
    static let partnerNames = [
        "Fischer", "Moreau", "Okafor", "Lindqvist", "Brennan", "Castillo", "Hartmann", "Dupont", "Novak", "Ortega",
    ]
    static let industries = [
        "Software", "Manufacturing", "Financial Services", "Healthcare", "Retail", "Logistics", "Education",
        "Media", "Construction", "Energy", "Hospitality", "Legal Services", "Consulting", "Telecommunications",
    ]
    static let jobTitles = [
        "CEO", "CTO", "CFO", "COO", "VP Sales", "VP Marketing", "Head of IT", "IT Manager", "Office Manager",
        "Sales Manager", "Account Executive", "Buyer", "Procurement Lead", "Engineer", "Data Analyst",
        "Operations Lead", "Marketing Manager", "Founder", "Product Manager", "HR Director",
    ]
    static let leadSources = ["Web", "Referral", "Trade Show", "Webinar", "Cold Call", "Partner"]
    static let tiers = ["Strategic", "Enterprise", "Mid-Market", "SMB"]
    static let dealTypes = ["New Business", "Expansion", "Renewal"]
    static let products = [
        "Analytics Suite", "Support Plan", "Onboarding Package", "Enterprise License", "Data Connector",
        "Training Workshop", "API Add-on",
    ]
    static let taskStatuses = ["Not Started", "In Progress", "Deferred"]
    static let priorities = ["Low", "Normal", "High"]
    static let projectStatuses = ["Planned", "Active", "On Hold", "Completed", "Cancelled"]
    static let projectRoles = ["Sponsor", "Stakeholder", "Technical Lead", "End User"]
}
