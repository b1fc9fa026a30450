import Foundation
import Testing

@testable import AllegoryExport

/// CRM-like files in each legacy encoding, encoded with Foundation: each must be detected and decoded exactly.
enum LegacySamples {
    static let japanese = """
        会社名,担当者,住所,メモ
        株式会社山田商事,山田太郎,東京都渋谷区神南1-2-3,来週の打ち合わせを予定しています
        有限会社さくら,佐藤花子,大阪府大阪市北区梅田2-4-9,見積書を送付しました
        東京電子工業株式会社,鈴木一郎,神奈川県横浜市中区本町5-1,契約の更新について相談

        """
    static let simplifiedChinese = """
        公司名称,联系人,地址,备注
        北京科技有限公司,张伟,北京市朝阳区建国路88号,下周安排会议
        上海贸易集团,王芳,上海市浦东新区世纪大道100号,已发送报价单
        深圳电子股份有限公司,李强,广东省深圳市南山区科技园,客户要求更新合同

        """
    static let traditionalChinese = """
        公司名稱,聯絡人,地址,備註
        台北科技股份有限公司,陳志明,臺北市信義區信義路五段7號,下週安排會議
        高雄貿易有限公司,林淑芬,高雄市前鎮區中山二路2號,已寄送報價單
        新竹電子工業公司,黃俊傑,新竹市東區光復路二段101號,客戶要求更新合約

        """
    static let korean = """
        회사명,담당자,주소,메모
        삼성전자 주식회사,김민준,서울특별시 강남구 테헤란로 123,다음 주 회의 예정
        한국무역 유한회사,이서연,부산광역시 해운대구 센텀로 45,견적서를 보냈습니다
        대한전기공업,박지훈,경기도 성남시 분당구 판교로 256,계약 갱신 요청

        """
    static let polish = """
        Firma,Kontakt,Miasto,Uwagi
        Przedsiębiorstwo Handlowe Łódź,Paweł Wiśniewski,Łódź,Spotkanie w przyszłym tygodniu
        Zakład Usług Świętokrzyskich,Małgorzata Wójcik,Kielce,Wysłano ofertę cenową
        Hurtownia Źródło,Grzegorz Kowalczyk,Wrocław,Klient prosi o aktualizację umowy

        """
    static let russian = """
        Компания,Контакт,Город,Примечание
        ООО Ромашка,Иван Петров,Москва,Встреча на следующей неделе
        ЗАО Северные технологии,Анна Смирнова,Санкт-Петербург,Отправлено коммерческое предложение
        ИП Кузнецов,Сергей Кузнецов,Новосибирск,Клиент просит обновить договор

        """

    /// `text` in `encoding`, as Foundation writes it.
    static func bytes(_ text: String, _ encoding: TextEncoding) throws -> [UInt8] {
        let foundation = try #require(encoding.foundationEncoding)
        let data = try #require(text.data(using: foundation))
        return Array(data)
    }

    /// The sample's records, as the CSV reader should give them.
    static func records(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

@Suite("Legacy encodings: detection")
struct EncodingDetectionTests {
    @Test(
        "a CRM file in a legacy encoding is detected, decoded exactly and reported",
        arguments: [
            (LegacySamples.japanese, TextEncoding.shiftJIS), (LegacySamples.simplifiedChinese, .gb18030),
            (LegacySamples.traditionalChinese, .big5), (LegacySamples.korean, .eucKR), (LegacySamples.polish, .latin2),
            (LegacySamples.russian, .windows1251), (LegacySamples.russian, .koi8R),
        ])
    func detectsAndDecodes(text: String, encoding: TextEncoding) throws {
        let (reader, rows) = try CSVFixture(LegacySamples.bytes(text, encoding)).read(chunkSize: 7)
        #expect(reader.dialect.encoding == encoding)
        #expect(rows.map(\.values) == LegacySamples.records(text))
        #expect(reader.findings.map(\.kind) == [.encoding])
        #expect(reader.findings.first?.detail.contains("read as \(encoding.rawValue)") == true)
    }

    @Test("EUC-JP, which Foundation cannot decode on Linux, is detected and decoded through Shift_JIS")
    func eucJapanese() throws {
        // Written by Python's euc_jp codec: an encoder independent of Foundation's.
        let bytes: [UInt8] = [
            0xB2, 0xF1, 0xBC, 0xD2, 0xCC, 0xBE, 0x2C, 0xC3, 0xB4, 0xC5, 0xF6, 0xBC, 0xD4, 0x2C, 0xA5, 0xE1, 0xA5, 0xE2,
            0x0A,
            0xB3, 0xF4, 0xBC, 0xB0, 0xB2, 0xF1, 0xBC, 0xD2, 0xBB, 0xB3, 0xC5, 0xC4, 0xBE, 0xA6, 0xBB, 0xF6, 0x2C, 0xBB,
            0xB3,
            0xC5, 0xC4, 0xC2, 0xC0, 0xCF, 0xBA, 0x2C, 0xCD, 0xE8, 0xBD, 0xB5, 0xA4, 0xCE, 0xC2, 0xC7, 0xA4, 0xC1, 0xB9,
            0xE7,
            0xA4, 0xEF, 0xA4, 0xBB, 0xA4, 0xF2, 0xCD, 0xBD, 0xC4, 0xEA, 0xA4, 0xB7, 0xA4, 0xC6, 0xA4, 0xA4, 0xA4, 0xDE,
            0xA4,
            0xB9, 0x0A, 0xCD, 0xAD, 0xB8, 0xC2, 0xB2, 0xF1, 0xBC, 0xD2, 0xA4, 0xB5, 0xA4, 0xAF, 0xA4, 0xE9, 0x2C, 0xBA,
            0xB4,
            0xC6, 0xA3, 0xB2, 0xD6, 0xBB, 0xD2, 0x2C, 0xB8, 0xAB, 0xC0, 0xD1, 0xBD, 0xF1, 0xA4, 0xF2, 0xC1, 0xF7, 0xC9,
            0xD5,
            0xA4, 0xB7, 0xA4, 0xDE, 0xA4, 0xB7, 0xA4, 0xBF, 0x0A, 0xC5, 0xEC, 0xB5, 0xFE, 0xC5, 0xC5, 0xBB, 0xD2, 0xB9,
            0xA9,
            0xB6, 0xC8, 0xB3, 0xF4, 0xBC, 0xB0, 0xB2, 0xF1, 0xBC, 0xD2, 0x2C, 0xCE, 0xEB, 0xCC, 0xDA, 0xB0, 0xEC, 0xCF,
            0xBA,
            0x2C, 0xB7, 0xC0, 0xCC, 0xF3, 0xA4, 0xCE, 0xB9, 0xB9, 0xBF, 0xB7, 0xA4, 0xCB, 0xA4, 0xC4, 0xA4, 0xA4, 0xA4,
            0xC6,
            0xC1, 0xEA, 0xC3, 0xCC, 0x0A,
        ]
        let (reader, rows) = try CSVFixture(bytes).read()
        #expect(reader.dialect.encoding == .eucJP)
        #expect(reader.header == ["会社名", "担当者", "メモ"])
        #expect(
            rows.map(\.values) == [
                ["株式会社山田商事", "山田太郎", "来週の打ち合わせを予定しています"], ["有限会社さくら", "佐藤花子", "見積書を送付しました"],
                ["東京電子工業株式会社", "鈴木一郎", "契約の更新について相談"],
            ])
    }

    @Test("a file too short to tell its encoding is refused with a message naming it and the --encoding option")
    func undecidableIsRefused() throws {
        // One lower-case Russian word: as Windows-1251 "дом", as KOI8-R "ДНЛ"; nothing tells which.
        let bytes: [UInt8] = Array("Name\n".utf8) + [0xE4, 0xEE, 0xEC] + [0x0A]
        #expect {
            _ = try CSVFixture(bytes, name: "contacts.csv").read()
        } throws: { error in
            guard case ExportReadError.undecidableEncoding(let file, let line, let candidates) = error else {
                return false
            }
            let message = "\(error)"
            return file == "contacts.csv" && line == 2 && candidates.count >= 2 && message.contains("contacts.csv")
                && message.contains("--encoding contacts.csv=")
        }
    }

    @Test("Hungarian in ISO-8859-2, whose ő and ű Windows-1252 reads as õ and û, is refused rather than guessed")
    func hungarianIsRefused() throws {
        let text = "Név,Város\nKovács Gábor,Győr\nSzabó Lőrinc,Pécs\nTóth Zoltán,Debrecen\n"
        #expect(throws: ExportReadError.self) { try CSVFixture(LegacySamples.bytes(text, .latin2)).read() }
        let (reader, rows) = try CSVFixture(LegacySamples.bytes(text, .latin2)).read(encoding: .latin2)
        #expect(reader.dialect.encoding == .latin2)
        #expect(rows.map(\.values) == LegacySamples.records(text))
    }

    @Test("an encoding given for the file is used as it is, without detection")
    func forcedEncoding() throws {
        let bytes: [UInt8] = Array("Name\n".utf8) + [0xE4, 0xEE, 0xEC] + [0x0A]
        let (reader, rows) = try CSVFixture(bytes).read(encoding: .windows1251)
        #expect(reader.dialect.encoding == .windows1251)
        #expect(rows.map(\.values) == [["дом"]])
        #expect(reader.findings.first?.detail.contains("as --encoding says") == true)
    }

    @Test("bytes a forced encoding does not define become U+FFFD and are reported with their line")
    func undefinedBytesUnderForcedEncoding() throws {
        let bytes: [UInt8] =
            Array("Id,Name\n1,".utf8) + [0x82, 0xA0] + Array("\n2,".utf8) + [0x82, 0xFF] + Array("\n".utf8)
        let (reader, rows) = try CSVFixture(bytes).read(encoding: .shiftJIS)
        #expect(rows.map(\.values) == [["1", "あ"], ["2", "\u{FFFD}\u{FFFD}"]])
        #expect(reader.findings.map(\.kind) == [.encoding, .encoding])
        #expect(reader.findings.last?.line == 3)
    }

    @Test("Western text in Windows-1252 is not mistaken for a Central European code page")
    func westernStaysWindows1252() throws {
        let text =
            "Project,Note\nCrème Brûlée Rebrand,Budget approved: 12.500 € – kickoff in München\nPiñata Launch,Naïve Forecasting\n"
        let (reader, rows) = try CSVFixture(LegacySamples.bytes(text, .windows1252)).read()
        #expect(reader.dialect.encoding == .windows1252)
        #expect(rows.map(\.values) == LegacySamples.records(text))
    }

    @Test("--encoding names are read in any case and spelling, for all files or for one")
    func overrides() throws {
        let overrides = try EncodingOverrides(["big5", "contacts.csv=Shift-JIS", "crm/deals.csv=cp1251"])
        #expect(overrides.encoding(for: "companies.csv") == .big5)
        #expect(overrides.encoding(for: "export/contacts.csv") == .shiftJIS)
        #expect(overrides.encoding(for: "crm/deals.csv") == .windows1251)
        #expect(throws: EncodingOverrides.Problem.self) { try EncodingOverrides(["contacts.csv=klingon"]) }
    }
}
