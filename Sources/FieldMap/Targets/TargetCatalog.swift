import TwentyClient
import TwentyModel

/// The Twenty objects and fields a map may write to: a live workspace's metadata, or the built-in description of a
/// Twenty version when no workspace is at hand.
public struct TargetCatalog: Sendable, Equatable {
    public var objects: [ObjectDescription]
    public var version: TwentyVersion
    /// The workspace URL the objects were read from; nil for the built-in description.
    public var url: String?
    /// Email addresses of the workspace's members, when read from a live workspace.
    public var memberEmails: [String]?

    public init(objects: [ObjectDescription], version: TwentyVersion, url: String? = nil, memberEmails: [String]? = nil)
    {
        self.objects = objects
        self.version = version
        self.url = url
        self.memberEmails = memberEmails
    }

    /// `StandardObjects.catalog(version)`: what a fresh workspace of that generation holds.
    public static func builtIn(_ version: TwentyVersion = .v2) -> TargetCatalog {
        TargetCatalog(objects: StandardObjects.catalog(version), version: version)
    }

    public func object(_ nameSingular: String) -> ObjectDescription? {
        objects.first { $0.nameSingular == nameSingular }
    }

    /// Words for the header of map.yaml: where the targets came from.
    public var origin: String {
        if let url { return "the live workspace at \(url) (Twenty \(version.rawValue) data model)" }
        return "the built-in description of Twenty's standard objects, StandardObjects.catalog(.\(version.rawValue))"
    }
}
