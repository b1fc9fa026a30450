import FieldMap
import RecordTransform
import Testing

@Suite struct MemberDirectoryTests {
    @Test func membersTheMapNamesButTheWorkspaceLacksAreListedBeforeAnyRecordIsTransformed() {
        let owners = OwnerMap(
            members: [
                ValueMapping(source: "ada@old.io", target: "ada@ours.io"),
                ValueMapping(source: "eve@old.io", target: "Eve@Ours.io"),
            ],
            fallback: "boss@ours.io")
        let directory = MemberDirectory(members: ["ada@ours.io": "m-ada"], owners: owners)
        #expect(directory.membersMissingFromWorkspace == ["boss@ours.io", "eve@ours.io"])
    }

    @Test func aMapWhoseMembersAllExistHasNoneMissing() {
        let owners = OwnerMap(
            members: [ValueMapping(source: "ada@old.io", target: "ada@ours.io")], fallback: "ada@ours.io")
        #expect(MemberDirectory(members: ["ada@ours.io": "m-ada"], owners: owners).membersMissingFromWorkspace.isEmpty)
    }

    @Test func withoutTheWorkspacesMembersAnOwnerShowsTheMemberEmailItGoesToAndTheFallback() {
        let owners = OwnerMap(
            members: [ValueMapping(source: "ada@old.io", target: "ada@ours.io")], fallback: "boss@ours.io")
        let directory = MemberDirectory(members: [:], owners: owners)
        #expect(directory.memberEmail(forOwner: " ADA@old.io ") == ("ada@ours.io", nil))
        #expect(directory.memberEmail(forOwner: "Bob@Ours.io") == ("bob@ours.io", "boss@ours.io"))
    }
}
