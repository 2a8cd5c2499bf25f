/// The organisation the document is about (`organization`).
public struct Organization: Codable, Equatable, Sendable {
    /// `name`: "เทศบาลเมืองศรีสะเกษ".
    public var name: String?
    /// `kind`: "เทศบาลเมือง", "เทศบาลตำบล", "องค์การบริหารส่วนตำบล", …
    public var kind: String?
    /// `district`: the อำเภอ.
    public var district: String?
    /// `province`: the จังหวัด.
    public var province: String?
    /// `logo`: path of the logo image, relative to the data file.
    public var logo: String?
    /// `website`.
    public var website: String?
    /// `address`.
    public var address: String?
    /// `head`: the title of the head of the organisation, e.g. "นายกเทศมนตรีเมืองศรีสะเกษ".
    public var head: String?
    /// Any other text field (`phone`, `email`, `fax`, …), by its name: templates print it as `org.<name>`.
    public var extra: [String: String]?

    public init(name: String? = nil, kind: String? = nil, district: String? = nil, province: String? = nil,
                logo: String? = nil, website: String? = nil, address: String? = nil, head: String? = nil) {
        self.name = name
        self.kind = kind
        self.district = district
        self.province = province
        self.logo = logo
        self.website = website
        self.address = address
        self.head = head
    }
}
