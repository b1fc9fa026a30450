/// The countries of the synthetic customers. Phone blocks follow each numbering plan's lengths; where a regulator
/// reserves numbers for drama (UK, North America, Australia) those are used.
extension Nation {
    static let germany = Nation(
        code: "DE", englishName: "Germany", germanName: "Deutschland", callingCode: "49", trunk: "0", grouping: .blocks,
        currency: "EUR", webSuffix: ".de",
        towns: [
            Town(
                name: "Berlin", englishName: "Berlin", region: "Berlin", postcodePattern: "10###",
                landline: PhoneRange(area: "30", lead: "", freeDigits: 8),
                streets: ["Torstraße", "Kastanienallee", "Oranienstraße"]),
            Town(
                name: "Hamburg", englishName: "Hamburg", region: "Hamburg", postcodePattern: "20###",
                landline: PhoneRange(area: "40", lead: "", freeDigits: 8),
                streets: ["Ballindamm", "Große Elbstraße", "Osterstraße"]),
            Town(
                name: "München", englishName: "Munich", region: "Bayern", postcodePattern: "80###",
                landline: PhoneRange(area: "89", lead: "", freeDigits: 8),
                streets: ["Leopoldstraße", "Sendlinger Straße", "Rosenheimer Straße"]),
            Town(
                name: "Köln", englishName: "Cologne", region: "Nordrhein-Westfalen", postcodePattern: "50###",
                landline: PhoneRange(area: "221", lead: "", freeDigits: 7),
                streets: ["Ehrenstraße", "Aachener Straße", "Severinstraße"]),
            Town(
                name: "Leipzig", englishName: "Leipzig", region: "Sachsen", postcodePattern: "04###",
                landline: PhoneRange(area: "341", lead: "", freeDigits: 7),
                streets: ["Karl-Liebknecht-Straße", "Gohliser Straße"]),
        ],
        mobile: [
            PhoneRange(area: "151", lead: "", freeDigits: 8), PhoneRange(area: "160", lead: "", freeDigits: 7),
            PhoneRange(area: "176", lead: "", freeDigits: 8),
        ],
        givenNames: [
            "Annelie", "Henrik", "Jutta", "Matthias", "Swantje", "Korbinian", "Ute", "Malte", "Frauke", "Jörg",
            "Bärbel", "Till",
        ],
        familyNames: [
            "Vogel", "Hoffmann", "Brandt", "Kühn", "Lindemann", "Ostermann", "Pfeiffer", "Hähnel", "Weiß", "Zimmermann",
            "Gößling",
        ],
        legalForms: ["GmbH", "AG", "GmbH & Co. KG", "KG", "e.K."], speaksGerman: true)

    static let austria = Nation(
        code: "AT", englishName: "Austria", germanName: "Österreich", callingCode: "43", trunk: "0", grouping: .blocks,
        currency: "EUR", webSuffix: ".at",
        towns: [
            Town(
                name: "Wien", englishName: "Vienna", region: "Wien", postcodePattern: "1###",
                landline: PhoneRange(area: "1", lead: "", freeDigits: 7),
                streets: ["Mariahilfer Straße", "Praterstraße", "Währinger Straße"]),
            Town(
                name: "Graz", englishName: "Graz", region: "Steiermark", postcodePattern: "80##",
                landline: PhoneRange(area: "316", lead: "", freeDigits: 6), streets: ["Herrengasse", "Annenstraße"]),
            Town(
                name: "Salzburg", englishName: "Salzburg", region: "Salzburg", postcodePattern: "50##",
                landline: PhoneRange(area: "662", lead: "", freeDigits: 6), streets: ["Getreidegasse", "Linzer Gasse"]),
        ],
        mobile: [PhoneRange(area: "664", lead: "", freeDigits: 7), PhoneRange(area: "699", lead: "", freeDigits: 8)],
        givenNames: ["Leopold", "Theresa", "Florian", "Johanna", "Valentin", "Magdalena", "Sepp", "Resi"],
        familyNames: ["Gruber", "Huber", "Wallner", "Pichler", "Steiner", "Moser", "Egger", "Aigner"],
        legalForms: ["GmbH", "AG", "OG"], speaksGerman: true)

    static let switzerland = Nation(
        code: "CH", englishName: "Switzerland", germanName: "Schweiz", callingCode: "41", trunk: "0", grouping: .pairs,
        currency: "CHF", webSuffix: ".ch",
        towns: [
            Town(
                name: "Zürich", englishName: "Zurich", region: "ZH", postcodePattern: "80##",
                landline: PhoneRange(area: "44", lead: "", freeDigits: 7),
                streets: ["Bahnhofstrasse", "Langstrasse", "Seefeldstrasse"]),
            Town(
                name: "Bern", englishName: "Bern", region: "BE", postcodePattern: "30##",
                landline: PhoneRange(area: "31", lead: "", freeDigits: 7), streets: ["Kramgasse", "Marktgasse"]),
            Town(
                name: "Basel", englishName: "Basel", region: "BS", postcodePattern: "40##",
                landline: PhoneRange(area: "61", lead: "", freeDigits: 7),
                streets: ["Freie Strasse", "Steinenvorstadt"]),
        ],
        mobile: [PhoneRange(area: "79", lead: "", freeDigits: 7), PhoneRange(area: "76", lead: "", freeDigits: 7)],
        givenNames: ["Urs", "Regula", "Beat", "Seraina", "Reto", "Nadia", "Gian", "Ladina"],
        familyNames: ["Keller", "Brunner", "Baumgartner", "Frei", "Widmer", "Zürcher", "Gerber", "Caflisch"],
        legalForms: ["AG", "GmbH", "SA"], speaksGerman: true)

    static let unitedKingdom = Nation(
        code: "GB", englishName: "United Kingdom", germanName: "Vereinigtes Königreich", callingCode: "44", trunk: "0",
        grouping: .blocks, currency: "GBP", webSuffix: ".co.uk",
        towns: [
            Town(
                name: "London", englishName: "London", region: "Greater London", postcodePattern: "EC1V #@@",
                landline: PhoneRange(area: "20", lead: "79460", freeDigits: 3),
                streets: ["Bermondsey Street", "Exmouth Market", "Hoxton Square"]),
            Town(
                name: "Manchester", englishName: "Manchester", region: "Greater Manchester", postcodePattern: "M4 #@@",
                landline: PhoneRange(area: "161", lead: "4960", freeDigits: 3),
                streets: ["Tib Street", "Oldham Road", "Deansgate"]),
            Town(
                name: "Edinburgh", englishName: "Edinburgh", region: "City of Edinburgh", postcodePattern: "EH1 #@@",
                landline: PhoneRange(area: "131", lead: "4960", freeDigits: 3),
                streets: ["Cockburn Street", "Leith Walk"]),
            Town(
                name: "Bristol", englishName: "Bristol", region: "Bristol", postcodePattern: "BS1 #@@",
                landline: PhoneRange(area: "117", lead: "4960", freeDigits: 3),
                streets: ["Park Street", "Gloucester Road"]),
            Town(
                name: "Cardiff", englishName: "Cardiff", region: "Cardiff", postcodePattern: "CF10 #@@",
                landline: PhoneRange(area: "29", lead: "2018", freeDigits: 4),
                streets: ["Womanby Street", "Cathedral Road"]),
        ],
        mobile: [PhoneRange(area: "7700", lead: "900", freeDigits: 3)],
        givenNames: [
            "Rhiannon", "Callum", "Imogen", "Alasdair", "Niamh", "Rupert", "Gethin", "Poppy", "Hamish", "Bethan",
        ],
        familyNames: [
            "Ashworth", "Pemberton", "MacLeod", "Featherstone", "Llewellyn", "Okonedo", "Crabtree", "Hargreaves",
            "Pryce",
        ],
        legalForms: ["Ltd", "plc", "LLP"], speaksGerman: false)

    static let ireland = Nation(
        code: "IE", englishName: "Ireland", germanName: "Irland", callingCode: "353", trunk: "0", grouping: .blocks,
        currency: "EUR", webSuffix: ".ie",
        towns: [
            Town(
                name: "Dublin", englishName: "Dublin", region: "Co. Dublin", postcodePattern: "D0# @###",
                landline: PhoneRange(area: "1", lead: "", freeDigits: 7), streets: ["Camden Street", "Baggot Street"]),
            Town(
                name: "Cork", englishName: "Cork", region: "Co. Cork", postcodePattern: "T12 @###",
                landline: PhoneRange(area: "21", lead: "", freeDigits: 7),
                streets: ["Oliver Plunkett Street", "MacCurtain Street"]),
        ],
        mobile: [PhoneRange(area: "87", lead: "", freeDigits: 7), PhoneRange(area: "85", lead: "", freeDigits: 7)],
        givenNames: ["Saoirse", "Cian", "Aisling", "Oisín", "Caoimhe", "Dara"],
        familyNames: ["Ó Súilleabháin", "Kavanagh", "Mac Giolla", "Fitzgerald", "Nolan", "Brennan"],
        legalForms: ["Ltd", "DAC"], speaksGerman: false)

    static let unitedStates = Nation(
        code: "US", englishName: "United States", germanName: "Vereinigte Staaten", callingCode: "1", trunk: "",
        grouping: .northAmerican, currency: "USD", webSuffix: ".com",
        towns: [
            Town(
                name: "Austin", englishName: "Austin", region: "TX", postcodePattern: "787##",
                landline: PhoneRange(area: "512", lead: "55501", freeDigits: 2),
                streets: ["Congress Avenue", "East 6th Street"]),
            Town(
                name: "Chicago", englishName: "Chicago", region: "IL", postcodePattern: "606##",
                landline: PhoneRange(area: "312", lead: "55501", freeDigits: 2),
                streets: ["West Randolph Street", "North Clark Street"]),
            Town(
                name: "Seattle", englishName: "Seattle", region: "WA", postcodePattern: "981##",
                landline: PhoneRange(area: "206", lead: "55501", freeDigits: 2),
                streets: ["Pike Street", "Westlake Avenue"]),
            Town(
                name: "Boston", englishName: "Boston", region: "MA", postcodePattern: "021##",
                landline: PhoneRange(area: "617", lead: "55501", freeDigits: 2),
                streets: ["Newbury Street", "Atlantic Avenue"]),
        ],
        mobile: [
            PhoneRange(area: "415", lead: "55501", freeDigits: 2),
            PhoneRange(area: "646", lead: "55501", freeDigits: 2),
        ],
        givenNames: [
            "DeShawn", "Brittany", "Tucker", "Marisol", "Chase", "Keisha", "Dakota", "Raymond", "Shelby", "Wyatt",
        ],
        familyNames: [
            "Washington", "Kowalczyk", "Delgado", "Whitfield", "Yazzie", "Brennan-Ortiz", "McAllister", "Nakamura",
        ],
        legalForms: ["Inc.", "LLC", "Corp."], speaksGerman: false)

    static let canada = Nation(
        code: "CA", englishName: "Canada", germanName: "Kanada", callingCode: "1", trunk: "", grouping: .northAmerican,
        currency: "CAD", webSuffix: ".ca",
        towns: [
            Town(
                name: "Montréal", englishName: "Montreal", region: "QC", postcodePattern: "H2X #@#",
                landline: PhoneRange(area: "514", lead: "55501", freeDigits: 2),
                streets: ["Rue Saint-Denis", "Boulevard Saint-Laurent"]),
            Town(
                name: "Toronto", englishName: "Toronto", region: "ON", postcodePattern: "M5V #@#",
                landline: PhoneRange(area: "416", lead: "55501", freeDigits: 2),
                streets: ["Queen Street West", "Spadina Avenue"]),
        ],
        mobile: [PhoneRange(area: "438", lead: "55501", freeDigits: 2)],
        givenNames: ["Mathieu", "Geneviève", "Aiyana", "Connor", "Émilie", "Jean-Philippe"],
        familyNames: ["Tremblay", "Gagnon", "Bouchard", "Lavoie", "Côté", "Running Deer"],
        legalForms: ["Inc.", "Ltd.", "ULC"], speaksGerman: false)

    static let france = Nation(
        code: "FR", englishName: "France", germanName: "Frankreich", callingCode: "33", trunk: "0", grouping: .pairs,
        currency: "EUR", webSuffix: ".fr",
        towns: [
            Town(
                name: "Lyon", englishName: "Lyon", region: "Auvergne-Rhône-Alpes", postcodePattern: "6900#",
                landline: PhoneRange(area: "4", lead: "", freeDigits: 8),
                streets: ["Rue de la République", "Quai Saint-Antoine"]),
            Town(
                name: "Paris", englishName: "Paris", region: "Île-de-France", postcodePattern: "750##",
                landline: PhoneRange(area: "1", lead: "", freeDigits: 8),
                streets: ["Rue Oberkampf", "Boulevard Voltaire"]),
        ],
        mobile: [PhoneRange(area: "6", lead: "", freeDigits: 8), PhoneRange(area: "7", lead: "", freeDigits: 8)],
        givenNames: ["Ségolène", "Thibault", "Maëlle", "Benoît", "Anaïs", "Gaëtan"],
        familyNames: ["Lefèvre", "Rousseau", "Garnier", "Chevalier", "Mercier", "Fauré"],
        legalForms: ["SAS", "SARL", "SA"], speaksGerman: false)

    static let spain = Nation(
        code: "ES", englishName: "Spain", germanName: "Spanien", callingCode: "34", trunk: "", grouping: .blocks,
        currency: "EUR", webSuffix: ".es",
        towns: [
            Town(
                name: "Valencia", englishName: "Valencia", region: "Comunidad Valenciana", postcodePattern: "460##",
                landline: PhoneRange(area: "96", lead: "", freeDigits: 7),
                streets: ["Calle de Colón", "Avenida del Puerto"]),
            Town(
                name: "Sevilla", englishName: "Seville", region: "Andalucía", postcodePattern: "410##",
                landline: PhoneRange(area: "95", lead: "", freeDigits: 7),
                streets: ["Calle Sierpes", "Avenida de la Constitución"]),
        ],
        mobile: [PhoneRange(area: "6", lead: "", freeDigits: 8)],
        givenNames: ["Nerea", "Íñigo", "Lucía", "Álvaro", "Begoña", "Ximena"],
        familyNames: ["Etxeberria", "Fernández", "Muñoz", "Ibáñez", "Castaño", "Quintero"],
        legalForms: ["S.L.", "S.A."], speaksGerman: false)

    static let poland = Nation(
        code: "PL", englishName: "Poland", germanName: "Polen", callingCode: "48", trunk: "", grouping: .blocks,
        currency: "PLN", webSuffix: ".pl",
        towns: [
            Town(
                name: "Kraków", englishName: "Krakow", region: "Małopolskie", postcodePattern: "31-###",
                landline: PhoneRange(area: "12", lead: "", freeDigits: 7), streets: ["ulica Floriańska", "ulica Długa"]),
            Town(
                name: "Gdańsk", englishName: "Gdansk", region: "Pomorskie", postcodePattern: "80-###",
                landline: PhoneRange(area: "58", lead: "", freeDigits: 7),
                streets: ["ulica Mariacka", "ulica Grunwaldzka"]),
        ],
        mobile: [PhoneRange(area: "50", lead: "", freeDigits: 7), PhoneRange(area: "60", lead: "", freeDigits: 7)],
        givenNames: ["Małgorzata", "Grzegorz", "Agnieszka", "Wojciech", "Zuzanna", "Łucja"],
        familyNames: ["Wiśniewski", "Zieliński", "Szymańska", "Dąbrowski", "Kaczmarek", "Woźniak"],
        legalForms: ["sp. z o.o.", "S.A."], speaksGerman: false)

    static let japan = Nation(
        code: "JP", englishName: "Japan", germanName: "Japan", callingCode: "81", trunk: "0", grouping: .hyphens,
        currency: "JPY", webSuffix: ".co.jp",
        towns: [
            Town(
                name: "Osaka", englishName: "Osaka", region: "Osaka", postcodePattern: "530-####",
                landline: PhoneRange(area: "6", lead: "", freeDigits: 8), streets: ["Midosuji", "Sakaisuji"]),
            Town(
                name: "Fukuoka", englishName: "Fukuoka", region: "Fukuoka", postcodePattern: "810-####",
                landline: PhoneRange(area: "92", lead: "", freeDigits: 7), streets: ["Meiji-dori", "Watanabe-dori"]),
        ],
        mobile: [PhoneRange(area: "90", lead: "", freeDigits: 8), PhoneRange(area: "80", lead: "", freeDigits: 8)],
        givenNames: ["Haruto", "Sakura", "Ren", "Yui", "Sota", "Mei"],
        familyNames: ["Takahashi", "Inoue", "Matsumoto", "Yamaguchi", "Shimizu", "Hayashi"],
        legalForms: ["K.K.", "G.K."], speaksGerman: false)

    static let india = Nation(
        code: "IN", englishName: "India", germanName: "Indien", callingCode: "91", trunk: "0", grouping: .blocks,
        currency: "INR", webSuffix: ".in",
        towns: [
            Town(
                name: "Pune", englishName: "Pune", region: "Maharashtra", postcodePattern: "4110##",
                landline: PhoneRange(area: "20", lead: "", freeDigits: 8), streets: ["FC Road", "Baner Road"]),
            Town(
                name: "Chennai", englishName: "Chennai", region: "Tamil Nadu", postcodePattern: "6000##",
                landline: PhoneRange(area: "44", lead: "", freeDigits: 8), streets: ["Anna Salai", "Cathedral Road"]),
        ],
        mobile: [PhoneRange(area: "98", lead: "", freeDigits: 8), PhoneRange(area: "70", lead: "", freeDigits: 8)],
        givenNames: ["Ananya", "Vikram", "Meenakshi", "Arjun", "Deepika", "Siddharth"],
        familyNames: ["Iyer", "Deshpande", "Chatterjee", "Menon", "Reddy", "Banerjee"],
        legalForms: ["Pvt Ltd", "LLP"], speaksGerman: false)

    static let brazil = Nation(
        code: "BR", englishName: "Brazil", germanName: "Brasilien", callingCode: "55", trunk: "0", grouping: .hyphens,
        currency: "BRL", webSuffix: ".com.br",
        towns: [
            Town(
                name: "Curitiba", englishName: "Curitiba", region: "PR", postcodePattern: "80###-###",
                landline: PhoneRange(area: "41", lead: "", freeDigits: 8),
                streets: ["Rua XV de Novembro", "Avenida Sete de Setembro"]),
            Town(
                name: "Recife", englishName: "Recife", region: "PE", postcodePattern: "50###-###",
                landline: PhoneRange(area: "81", lead: "", freeDigits: 8),
                streets: ["Rua da Aurora", "Avenida Boa Viagem"]),
        ],
        mobile: [PhoneRange(area: "11", lead: "9", freeDigits: 8)],
        givenNames: ["Thiago", "Luana", "Gustavo", "Fernanda", "Rafael", "Juliana"],
        familyNames: ["Conceição", "Araújo", "Nascimento", "Gonçalves", "Barbosa", "Teixeira"],
        legalForms: ["Ltda.", "S.A."], speaksGerman: false)

    static let australia = Nation(
        code: "AU", englishName: "Australia", germanName: "Australien", callingCode: "61", trunk: "0",
        grouping: .blocks,
        currency: "AUD", webSuffix: ".com.au",
        towns: [
            Town(
                name: "Sydney", englishName: "Sydney", region: "NSW", postcodePattern: "20##",
                landline: PhoneRange(area: "2", lead: "5550", freeDigits: 4),
                streets: ["George Street", "Crown Street"]),
            Town(
                name: "Melbourne", englishName: "Melbourne", region: "VIC", postcodePattern: "30##",
                landline: PhoneRange(area: "3", lead: "7010", freeDigits: 4),
                streets: ["Flinders Lane", "Brunswick Street"]),
        ],
        mobile: [PhoneRange(area: "491", lead: "570", freeDigits: 3)],
        givenNames: ["Lachlan", "Matilda", "Jarrah", "Kirra", "Angus", "Tahlia"],
        familyNames: ["Fitzroy", "Kowalski", "Nguyen-Hart", "Blackwood", "Doherty", "Papadopoulos"],
        legalForms: ["Pty Ltd"], speaksGerman: false)
}
