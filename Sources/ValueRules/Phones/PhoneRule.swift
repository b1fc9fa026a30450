/// Phone numbers read as Twenty reads them: its record transformer calls libphonenumber-js
/// `parsePhoneNumberWithError(number, {defaultCallingCode, defaultCountry})` (TWENTY_API.md section 11), and this
/// follows that parse step for step, over libphonenumber's metadata for every region (PhoneMetadataTable):
///
/// 1. `+CC...`, `00CC...` or the region's own international prefix (`011` in North America) give the calling code
///    (codes are prefix-free); otherwise the number is national, in the record's or the default country, and a
///    calling code written without `+` (`44 20 7946 0123` in a GB record) is recognised as libphonenumber does.
/// 2. The national prefix is stripped by the region's parsing rule (`0`, `8` in Russia, `0 11 15` in Argentina,
///    a bracketed `(0)` after `+44`), unless what is left would no longer fit the region's pattern or length.
/// 3. Where several regions share the calling code, their leading digits decide first (as Twenty's parse does,
///    so the region given never conflicts with the one Twenty infers), then their number-type patterns, then the
///    stated or default country if it shares the code, else the main country (US for +1).
/// 4. The national number must have a length the region has and fit its general pattern (`viable`), or have 2 to
///    17 digits (`parses`, Twenty's own bounds).
///
/// Extensions are read apart and returned in `extensionNumber`, never merged into the digits: Twenty's parse
/// drops them silently, and its field has no place for them, so the caller decides (the transform keeps such a
/// value as text rather than lose the extension).
public enum PhoneRule {
    /// The number of a value from an export: `defaultRegion` (ISO alpha-2, the record's or the map's country)
    /// reads numbers written without a calling code, and is preferred among regions sharing one.
    public static func structure(
        _ text: String, defaultRegion: String?, strictness: PhoneStrictness = .viable
    ) -> Result<StructuredPhone, PhoneRejection> {
        let region = defaultRegion.flatMap { $0.isEmpty ? nil : PhoneMetadata.region($0) }
        return structure(text, plan: region, preferred: region?.code, strictness: strictness).map(\.phone)
    }

    /// The number of Twenty's three subfields: a stated country and calling code must exist, agree with each
    /// other and with the number (Twenty refuses "conflicting" ones); empty ones are inferred from the number.
    public static func structure(
        number: String, statedRegion: String, statedCallingCode: String, strictness: PhoneStrictness
    ) -> Result<StructuredPhone, PhoneRejection> {
        let calling = statedCallingCode.hasPrefix("+") ? String(statedCallingCode.dropFirst()) : statedCallingCode
        var region: PhoneRegion?
        if !statedRegion.isEmpty {
            guard let known = PhoneMetadata.region(statedRegion) else { return .failure(.unknownRegion(statedRegion)) }
            region = known
        }
        if !calling.isEmpty {
            guard let first = PhoneMetadata.regions(callingCode: calling).first else {
                return .failure(.unknownCallingCode(calling))
            }
            if let region, region.callingCode != calling {
                return .failure(.regionConflict(stated: region.code, callingCode: "+" + calling))
            }
            region = region ?? first
        }
        let parsed: Parsed
        switch structure(
            number, plan: region, preferred: statedRegion.isEmpty ? nil : region?.code, strictness: strictness)
        {
        case .success(let value): parsed = value
        case .failure(let rejection): return .failure(rejection)
        }
        let phone = parsed.phone
        if !calling.isEmpty, phone.callingCode != "+" + calling {
            return .failure(.callingCodeConflict(stated: "+" + calling, number: phone.callingCode))
        }
        if let region, !statedRegion.isEmpty, phone.callingCode != "+" + region.callingCode {
            return .failure(.regionConflict(stated: region.code, callingCode: phone.callingCode))
        }
        if !statedRegion.isEmpty, parsed.isRegionCertain, phone.region != region?.code {
            return .failure(.inferredRegionConflict(stated: statedRegion.uppercased(), number: phone.region))
        }
        return .success(
            StructuredPhone(
                nationalNumber: phone.nationalNumber, callingCode: phone.callingCode,
                region: statedRegion.isEmpty ? phone.region : statedRegion.uppercased(),
                extensionNumber: phone.extensionNumber))
    }

    /// Whether a value looks like a phone number when no country may be known to read it by (the profiler's and
    /// the audit's question): an international number must structure; a national one needs 7 to 17 digits,
    /// since fewer is an extension or a fragment in CRM exports far more often than a number of the few places
    /// with 4 to 6 digit numbers (theirs pass once written with the calling code).
    public static func isPlausible(_ text: String, defaultRegion: String? = nil) -> Bool {
        // Both readings need at least two ASCII digits, and most values a column profile asks about (names, cities,
        // emails) have fewer: counting them is much cheaper than reading the number.
        var digits = 0
        for byte in text.utf8 where ASCII.isDigit(byte) {
            digits += 1
            if digits == 2 { break }
        }
        guard digits == 2 else { return false }
        switch structure(text, defaultRegion: defaultRegion) {
        case .success: return true
        case .failure(.noCallingCode):
            guard case .success(let read) = PhoneText.read(text) else { return false }
            return (7...17).contains(read.digits.count)
        case .failure: return false
        }
    }

    struct Parsed {
        let phone: StructuredPhone
        /// Whether the region follows from the number alone (the only one of its calling code, or its leading
        /// digits): what Twenty's parse infers too, so a different stated country conflicts.
        let isRegionCertain: Bool
    }

    static func structure(
        _ text: String, plan defaultPlan: PhoneRegion?, preferred: String?, strictness: PhoneStrictness
    ) -> Result<Parsed, PhoneRejection> {
        let read: PhoneText
        switch PhoneText.read(text) {
        case .success(let value): read = value
        case .failure(.characters): return .failure(.characters)
        case .failure(.plusInside): return .failure(.plusInside)
        }
        guard read.digits.count >= 2 else { return .failure(.tooFewDigits) }
        var digits = read.digits[...]
        var international = read.hasPlus
        if !international, let idd = internationalPrefixLength(digits, defaultPlan) {
            international = true
            digits = digits.dropFirst(idd)
        }
        let plan: PhoneRegion
        if international {
            guard let (code, rest) = splitCallingCode(digits) else {
                return .failure(.unknownCallingCode(String(decoding: digits.prefix(3), as: UTF8.self)))
            }
            plan = PhoneMetadata.regions(callingCode: code)[0]
            digits = rest
        } else {
            guard let defaultPlan else { return .failure(.noCallingCode) }
            plan = defaultPlan
            if let shorter = withoutUnwrittenPlus(digits, plan) { digits = shorter }
        }
        let national = nationalNumber(digits, plan)
        let (region, isCertain) = pickRegion(national, callingCode: plan.callingCode, preferred: preferred)
        switch strictness {
        case .parses:
            guard national.count >= 2 else { return .failure(.tooFewDigits) }
            guard national.count <= 17 else { return .failure(.tooLong(digits: national.count)) }
        case .viable:
            guard !region.lengths.contains(national.count) || !region.fitsGeneralPattern(national) else { break }
            if region.lengths.contains(national.count) {
                return .failure(.notViable(region: region.isGeographic ? region.code : "+\(region.callingCode)"))
            }
            if region.localOnlyLengths.contains(national.count) {
                return .failure(.localOnly(digits: national.count, region: region.code))
            }
            return .failure(
                .impossibleLength(
                    digits: national.count, region: region.isGeographic ? region.code : "+\(region.callingCode)",
                    callingCode: region.callingCode, lengths: region.lengths.sorted()))
        }
        let phone = StructuredPhone(
            nationalNumber: String(decoding: national, as: UTF8.self), callingCode: "+" + plan.callingCode,
            region: region.isGeographic ? region.code : "", extensionNumber: read.extensionNumber)
        return .success(Parsed(phone: phone, isRegionCertain: isCertain))
    }

    /// The length of an international prefix at the start: `00`, which most of the world dials and exports
    /// write, or the region's own (`011`); none when a `0` follows, since no calling code starts with one.
    private static func internationalPrefixLength(_ digits: ArraySlice<UInt8>, _ plan: PhoneRegion?) -> Int? {
        var length: Int?
        if digits.starts(with: [0x30, 0x30]) {
            length = 2
        } else if let match = plan?.internationalPrefix?.matchPrefix(digits), match.length > 0 {
            length = match.length
        }
        guard let length, digits.count > length, digits[digits.startIndex + length] != 0x30 else { return nil }
        return length
    }

    /// The calling code (1 to 3 digits; calling codes are prefix-free) and the digits after it.
    private static func splitCallingCode(_ digits: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        for length in 1...3 where digits.count > length {
            let code = String(decoding: digits.prefix(length), as: UTF8.self)
            if !PhoneMetadata.regions(callingCode: code).isEmpty { return (code, digits.dropFirst(length)) }
        }
        return nil
    }

    /// A national number that starts with its country's calling code, written without `+`: read as
    /// international when the rest fits the country's pattern and the whole does not, or the whole is too long
    /// (libphonenumber's rule: in Germany `49` is also an area code, so only the pattern can tell).
    private static func withoutUnwrittenPlus(_ digits: ArraySlice<UInt8>, _ plan: PhoneRegion) -> ArraySlice<UInt8>? {
        let code = Array(plan.callingCode.utf8)
        guard digits.starts(with: code) else { return nil }
        let shorter = digits.dropFirst(code.count)
        let whole = nationalNumber(digits, plan)
        let rest = nationalNumber(shorter, plan)
        if !plan.fitsGeneralPattern(whole) && plan.fitsGeneralPattern(rest) { return shorter }
        if let longest = plan.lengths.max(), whole.count > longest { return shorter }
        return nil
    }

    /// The national significant number: the national prefix (and carrier code) stripped by the region's parsing
    /// rule and transform, unless the number fit the region's pattern before and would not after, or would be
    /// left with a length the region does not have (then the prefix was part of the number).
    static func nationalNumber(_ digits: ArraySlice<UInt8>, _ plan: PhoneRegion) -> ArraySlice<UInt8> {
        guard !digits.isEmpty, let rule = plan.nationalPrefixForParsing, let match = rule.matchPrefix(digits) else {
            return digits
        }
        var stripped: ArraySlice<UInt8>
        let rest = digits.dropFirst(match.length)
        if !plan.nationalPrefixTransformRule.isEmpty, let last = match.groups.last, let captured = last,
            !captured.isEmpty
        {
            stripped = expand(plan.nationalPrefixTransformRule, match.groups)[...] + rest
        } else {
            stripped = rest
        }
        if plan.fitsGeneralPattern(digits) && !plan.fitsGeneralPattern(stripped) { return digits }
        if let shortest = plan.lengths.min(), let longest = plan.lengths.max() {
            let count = stripped.count
            if count < shortest || (count <= longest && !plan.lengths.contains(count)) { return digits }
        }
        return stripped
    }

    /// A transform rule (`9$1`, `$2`) with its group references replaced by the captured digits.
    private static func expand(_ rule: String, _ groups: [ArraySlice<UInt8>?]) -> [UInt8] {
        var result: [UInt8] = []
        var bytes = rule.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte == UInt8(ascii: "$"), let next = bytes.next() {
                let index = Int(next) - 0x31
                if index >= 0, index < groups.count, let group = groups[index] { result += group }
            } else {
                result.append(byte)
            }
        }
        return result
    }

    /// The region of a national number among those sharing its calling code, and whether the number alone
    /// decides it (step 3 of the type's documentation).
    private static func pickRegion(_ national: ArraySlice<UInt8>, callingCode: String, preferred: String?)
        -> (PhoneRegion, Bool)
    {
        let regions = PhoneMetadata.regions(callingCode: callingCode)
        if regions.count == 1 { return (regions[0], true) }
        for region in regions {
            if let leading = region.leadingDigits, leading.matchesStart(national) { return (region, true) }
        }
        // A preferred region whose leading digits describe only some of its numbers (IM, VA) has no type pattern:
        // as in Twenty's parse, the stated or default country then stands.
        let preferredRegion = preferred.flatMap { code in regions.first { $0.code == code.uppercased() } }
        if let region = preferredRegion, region.typePattern?.matchesWhole(national) ?? true { return (region, false) }
        let matching = regions.first { region in
            region.leadingDigits == nil && region.fitsGeneralPattern(national)
                && (region.typePattern?.matchesWhole(national) ?? false)
        }
        if let region = matching ?? preferredRegion { return (region, false) }
        return (regions[0], false)
    }
}
