/// Words that company names, industries, job titles and deal names are made of. Invented brand stems, so no name
/// is a real company's; German and English versions where a style writes German.
enum Trade {
    static let englishStems = [
        "Brightwater", "Corvid", "Dunmore", "Elmstead", "Fennick", "Glenholm", "Harrowgate", "Ironbridge", "Juniper",
        "Kestrel", "Larkspur", "Marlowe", "Northwick", "Oakhurst", "Pellucid", "Quillon", "Redfern", "Saltire",
        "Thornbury", "Umberlee", "Vantora", "Westerly", "Yarrowby", "Zephyrine", "Copperleaf", "Bluecairn",
        "Stonechat", "Halcyon", "Tidewell", "Amberly", "Foxglove", "Sparrowhawk",
    ]

    static let germanStems = [
        "Rheinwerk", "Nordlicht", "Alpenblick", "Elbtal", "Sonnenfeld", "Donaustrom", "Lindenhof", "Tannenberg",
        "Moorwiese", "Falkenstein", "Hafenkante", "Kieselgrund", "Eichenhain", "Wellenbrecher", "Bergquell",
        "Ährenfeld", "Glockenturm", "Fuchsbau", "Steinbruch", "Weidenau", "Möwenstein", "Ostwind",
    ]

    /// Lines of business, with the word a company name uses for it.
    struct Line: Sendable {
        let industry: String
        let germanIndustry: String
        let word: String
        let germanWord: String
    }

    static let lines: [Line] = [
        Line(industry: "Logistics", germanIndustry: "Logistik", word: "Freight", germanWord: "Spedition"),
        Line(industry: "Software", germanIndustry: "Software", word: "Software", germanWord: "Softwarehaus"),
        Line(industry: "Food & Beverage", germanIndustry: "Lebensmittel", word: "Provisions", germanWord: "Feinkost"),
        Line(
            industry: "Medical Devices", germanIndustry: "Medizintechnik", word: "Medical", germanWord: "Medizintechnik"
        ),
        Line(industry: "Energy", germanIndustry: "Energie", word: "Energy", germanWord: "Energie"),
        Line(industry: "Construction", germanIndustry: "Bauwesen", word: "Builders", germanWord: "Bau"),
        Line(industry: "Printing", germanIndustry: "Druck", word: "Press", germanWord: "Druckerei"),
        Line(industry: "Brewing", germanIndustry: "Getränke", word: "Brewing", germanWord: "Brauerei"),
        Line(industry: "Machinery", germanIndustry: "Maschinenbau", word: "Engineering", germanWord: "Maschinenbau"),
        Line(industry: "Textiles", germanIndustry: "Textil", word: "Textiles", germanWord: "Weberei"),
        Line(industry: "Real Estate", germanIndustry: "Immobilien", word: "Estates", germanWord: "Immobilien"),
        Line(industry: "Analytics", germanIndustry: "Datenanalyse", word: "Analytics", germanWord: "Datenwerk"),
    ]

    static let englishTitles = [
        "Head of Procurement", "Operations Director", "Finance Manager", "Chief Technology Officer", "Office Manager",
        "Purchasing Lead", "Managing Director", "IT Administrator", "Plant Manager", "Marketing Coordinator",
        "Facilities Manager", "VP Sales", "Quality Engineer", "Company Secretary",
    ]

    static let germanTitles = [
        "Einkaufsleiterin", "Geschäftsführer", "Leiter Vertrieb", "Prokuristin", "IT-Leiter", "Assistenz der GL",
        "Produktionsleiter", "Kaufmännische Leitung", "Werkstudentin", "Abteilungsleiter Logistik",
        "Qualitätsmanagerin",
    ]

    /// What is being sold: the middle of a deal's name (`Kestrel Freight - Fleet telematics renewal`).
    static let englishOfferings = [
        "Fleet telematics renewal", "Warehouse scanners", "Annual support plan", "ERP migration",
        "Pilot: route planning",
        "Cold-chain sensors", "Training days", "Licence expansion", "Data platform rollout", "Spare parts framework",
    ]

    static let germanOfferings = [
        "Rahmenvertrag Ersatzteile", "Wartungsvertrag", "Schulungspaket", "Lizenzerweiterung",
        "Pilotprojekt Tourenplanung",
        "Kühlketten-Sensorik", "Umstellung ERP", "Scanner Lager", "Servicevertrag Verlängerung",
    ]

    static let englishChores = [
        "Send revised quote", "Call back about delivery slot", "Prepare renewal pack", "Book site visit",
        "Chase signed order form", "Share case study", "Check credit limit", "Arrange demo with IT",
    ]

    static let germanChores = [
        "Angebot überarbeiten", "Rückruf wegen Liefertermin", "Vertragsentwurf senden", "Termin vor Ort vereinbaren",
        "Unterschriebene Bestellung anfordern", "Referenzbericht schicken", "Bonität prüfen", "Demo mit der IT planen",
    ]
}
