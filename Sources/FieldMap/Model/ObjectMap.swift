import TwentyModel

/// How one source object (one file of the export) lands in Twenty.
public struct ObjectMap: Sendable, Equatable {
    /// The export's name for the object: `companies`, `contacts`, `deals`, `tasks`, `notes`, ..., a custom
    /// object's name (`custom_objects/<name>.csv`), or a relationship file's stem (`contacts__events`).
    public var source: String
    /// The file, relative to the export folder.
    public var file: String
    /// The column holding the source id.
    public var key: String
    /// `nameSingular` of the Twenty object.
    public var target: String
    public var disposition: Disposition
    public var confidence: Double
    public var reasons: [String]
    public var fields: [FieldMapping]
    /// What the run does with a record colliding with one already in the workspace on a unique value.
    public var onCollision: CollisionPolicy

    public enum Disposition: Sendable, Equatable {
        /// The target exists (a standard object, or a custom object already in the workspace).
        case existing
        /// A custom object to create before migrating.
        case newObject(NewObject)
        /// A many-to-many relationship file: a junction object with two many-to-one relations.
        case junction(Junction)
        /// Not migrated; the records are counted as excluded by the map.
        case skip
    }

    public init(
        source: String, file: String, key: String, target: String, disposition: Disposition = .existing,
        confidence: Double, reasons: [String], fields: [FieldMapping], onCollision: CollisionPolicy = .fail
    ) {
        self.onCollision = onCollision
        self.source = source
        self.file = file
        self.key = key
        self.target = target
        self.disposition = disposition
        self.confidence = confidence
        self.reasons = reasons
        self.fields = fields
    }
}

/// A custom object to create through the metadata API.
public struct NewObject: Sendable, Equatable {
    public var nameSingular: String
    public var namePlural: String
    public var labelSingular: String
    public var labelPlural: String

    public init(nameSingular: String, namePlural: String, labelSingular: String, labelPlural: String) {
        self.nameSingular = nameSingular
        self.namePlural = namePlural
        self.labelSingular = labelSingular
        self.labelPlural = labelPlural
    }
}

/// A junction object joining two objects, each end a many-to-one relation fed by one column of the file.
public struct Junction: Sendable, Equatable {
    public var object: NewObject
    public var first: End
    public var second: End

    public struct End: Sendable, Equatable {
        /// The column holding the source id of the linked record.
        public var column: String
        /// The source object that id belongs to.
        public var sourceObject: String
        /// The relation field on the junction object (its join column is `field + "Id"`).
        public var field: String

        public init(column: String, sourceObject: String, field: String) {
            self.column = column
            self.sourceObject = sourceObject
            self.field = field
        }
    }

    public init(object: NewObject, first: End, second: End) {
        self.object = object
        self.first = first
        self.second = second
    }
}
