import Foundation

/// Ideographs and syllables by how common they are, per language: what tells a Chinese text read in the right
/// encoding from the same bytes read in another CJK encoding, which decodes them too but into rare characters.
///
/// Two tiers each. The first is a short list of the most frequent characters of running text and of what CRM data
/// holds (company forms, places, family and given names). The second is the national standard's "common" area,
/// taken from Foundation's own decoding of that area's bytes: GB2312 level 1 (3,755 simplified characters), Big5's
/// frequently used characters (5,401), JIS X 0208 level 1 (2,965 kanji) and KS X 1001's 2,350 hangul syllables.
enum CommonIdeographs {
    static let simplifiedFrequent = Set(
        """
        的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而\
        能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意\
        进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口\
        使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数\
        件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉\
        望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传\
        近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒\
        未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组\
        造落视济喜离虽坏兴切团有限股份集贸易银行医院大学省县镇乡村街号楼室座层栋园厂店销售服务咨询管理控投资发展网络软件\
        信息电子通讯设备制造工程建设物流运输食品药业化工能源汽车机械材料环保教育文化传媒广告设计装饰餐饮酒旅游农业矿业纺织\
        服装印刷包装电器家具建材钢铁贸易实业控股北京上海天津重庆广州深圳杭州南京苏州成都武汉西安长沙郑州青岛大连宁波厦门\
        福州济南沈阳哈尔滨昆明合肥南昌石家庄太原无锡佛山东莞珠海温州绍兴嘉兴常州徐州烟台潍坊唐山保定廊坊江苏浙江广东山东\
        河南河北湖南湖北四川福建安徽辽宁陕西山西江西云南贵州广西吉林黑龙甘肃内蒙古新疆海南宁夏青海西藏香港澳门台湾朝阳海淀\
        丰台浦东徐汇静安黄浦闵行宝山嘉定南山福田罗湖龙岗宝安天河越秀番禺白云滨江西湖余杭萧山鼓楼玄武秦淮王李张刘陈杨黄赵\
        吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏\
        韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平\
        刚桂英华玉兰萍红波建文辉力斌宇浩凯鹏飞鑫欣怡婷雪梅琳晶颖佳慧丹倩宁晨阳峰波涛涛亮健俊杰志刚春燕秀英玉兰桂芳海燕\
        先生女士经理总监主任董事长总裁助理销售部市场财务人事技术客户联系电话手机邮箱地址备注状态类型日期金额合同订单项目
        """.unicodeScalars.map(\.value))

    static let traditionalFrequent = Set(
        """
        的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡後小麼心多天而\
        能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長知民樣現分將外但身些與高意\
        進把法此實回二理美點月明其種聲全工己話兒者向情部正名定女問力機給等幾很業最間新什打便位因重被走電四第門相次東政海口\
        使教西再平真聽世氣信北少關並內加化由卻代軍產入先山五太水萬市眼體別處總才場師書比住員九笑性通目華報立馬命張活難神數\
        件安表原車白應路期叫死常提感金何更反合放做系計或司利受光王果親界及今京務制解各任至清物台象記邊共風戰乾接它許八特覺\
        望直服毛林題建南度統色字請交愛讓認算論百吃義科怎元社術結六功指思非流每青管夫連遠資隊跟帶花快條院變聯言權往展該領傳\
        近留紅治決周保達辦運武半候七必城父強步完革深區即求品士轉量空甚眾技輕程告江語英基派滿式李息寫呢識極令黃德收臉錢黨倒\
        未持取設始版雙歷越史商千片容研像找友孩站廣改議形委早房音火際則首單據導影失拿網香似斯專石若兵弟誰校讀志飛觀爭究包組\
        造落視濟喜離雖壞興切團有限股份集貿易銀行醫院大學省縣鎮鄉村街號樓室座層棟園廠店銷售服務諮詢管理控投資發展網路軟體\
        資訊電子通訊設備製造工程建設物流運輸食品藥業化工能源汽車機械材料環保教育文化傳媒廣告設計裝飾餐飲酒旅遊農業礦業紡織\
        服裝印刷包裝電器家具建材鋼鐵實業控股臺北台北新北桃園臺中台中臺南台南高雄基隆新竹嘉義苗栗彰化南投雲林屏東宜蘭花蓮臺東\
        台東澎湖金門連江信義大安中山松山內湖南港士林北投萬華文山板橋三重中和永和新莊新店土城蘆洲樹林汐止香港九龍新界澳門\
        灣仔銅鑼灣尖沙咀旺角沙田荃灣屯門元朗葵涌觀塘陳林黃張李王吳劉蔡楊許鄭謝郭洪邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾\
        彭游詹胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓馬阮董唐溫藍蔣石古紀姚連馮歐程湯黎田康姜汪白鄒尤巫鐘龔嚴韓\
        袁雅婷怡君淑芬惠美玲玉珍秀英麗華志明俊傑家豪建宏冠宇承翰宗翰柏翰彥廷偉明文雄國強志偉嘉欣詩涵欣怡佳穎宜蓁思妤\
        先生小姐女士經理總監主任董事長總裁助理業務部市場財務人事技術客戶聯絡電話手機信箱地址備註狀態類型日期金額合約訂單專案
        """.unicodeScalars.map(\.value))

    static let japaneseFrequent = Set(
        """
        日一国人年大十二本中長出三同時政事自行社見月分議後前民生連五発間対上部東者党地合市業内相方四定今回新場金員九入選立\
        開手米力学問高代明実円関決子動京全目表戦経通外最言氏現理調体化田当八六約主題下首意法不来作性的要用制治度務強気小七\
        成期公持野協取都和統以機平総加山思家話世受区領多県続進正安設保改数記院女初北午指権心界支第産結百派点教報済書府活原\
        先共得解名交資予川向際査勝面委告軍文反元重近千考判認画海参売利組知案道信策集在件団別物側任引使求所次水半品昨論計死\
        官増係感特情投示変打男基私各始島直両朝革価式確村提運終挙果西勢減台広容必応演電歳住争談能無再位置企真流格有疑口過局\
        少放税検藤町常校料沢裁状工建語球営空職証土与急止送援供可役構木割聞身費付施切由説転食比難防補車優夫研収断井何南石足\
        違消境神番規術護展態導鮮備宅害配副算視条幹独警宮究育席輸訪楽起万着乗店述残想線率病農州武声質念待試族象銀域助労例衛\
        然早張映限親額監環験追審商葉義伝働形景落欧担好退準賞訴辺造英被株頭技低毎医復仕去姿味負閣渡失移差衆個門写評課末守若\
        脳極種美岡影命含福蔵量望松非撃佐核観察整段横融型白深字答夜製票況音申様財港識注呼渉達株式会社有限合同丁目番地号室階\
        東京大阪名古屋横浜京都福岡札幌神戸川崎埼玉千葉広島仙台北九州堺新潟浜松熊本相模原静岡岡山鹿児島八王子船橋宇都宮松山\
        東大阪金沢姫路長崎富山岐阜宮崎長野和歌山奈良高松大分旭川倉敷豊田高知那覇秋田青森盛岡山形福島水戸前橋甲府津大津徳島\
        佐賀沖縄北海道新宿渋谷品川港千代田中央目黒世田谷杉並練馬板橋足立江戸墨田台東荒川葛飾豊島文京中野大田梅田難波天王寺\
        佐藤鈴木高橋田中伊藤渡辺山本中村小林加藤吉田山田佐々木山口松本井上木村林斎清水山崎森池阿部橋石川前田藤田後藤小川\
        岡田長谷村上近藤坂遠青西田原竹内金子和田中島野口松田上野武菅原宮本酒井工藤横山宮崎太郎花子一郎健誠大輔翔愛美由紀\
        恵子裕子洋子直樹和也拓也健太達也翼陽菜結衣葵蓮悠真様殿御中部長課長係長主任取締役代表専務常務営業総務経理人事開発\
        顧客担当連絡電話携帯住所備考状態種類日付金額契約注文案件請求見積納品支払
        """.unicodeScalars.map(\.value))

    /// GB2312 level 1 (bytes B0A1-D7F9 in GB18030): the 3,755 most common simplified characters.
    static let simplifiedStandard = decodedArea(.gb18030, leads: 0xB0...0xD7, trails: 0xA1...0xFE)
    /// Big5's frequently used characters (A440-C67E).
    static let traditionalStandard = decodedArea(.big5, leads: 0xA4...0xC6, trails: 0x40...0xFE)
    /// JIS X 0208 level 1 kanji (EUC-JP B0A1-CFD3, read through its Shift_JIS form).
    static let japaneseStandard = decodedArea(.eucJP, leads: 0xB0...0xCF, trails: 0xA1...0xFE)
    /// KS X 1001's hangul syllables (EUC-KR B0A1-C8FE): the 2,350 that modern Korean text uses.
    static let koreanSyllables = decodedArea(.eucKR, leads: 0xB0...0xC8, trails: 0xA1...0xFE)

    /// The ideographs or syllables that `encoding` gives each two-byte code of an area, skipping codes it leaves
    /// undefined.
    private static func decodedArea(
        _ encoding: TextEncoding, leads: ClosedRange<UInt8>, trails: ClosedRange<UInt8>
    ) -> Set<UInt32> {
        var result = Set<UInt32>()
        for lead in leads {
            for trail in trails {
                guard let text = LegacyDecoder.decodeStrictly([lead, trail][...], as: encoding),
                    let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1,
                    scalar.properties.isIdeographic || (0xAC00...0xD7A3).contains(scalar.value)
                else { continue }
                result.insert(scalar.value)
            }
        }
        return result
    }
}
