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
        let owners = OwnerMap(members: [ValueMapping(source: "ada@old.io", target: "ada@ours.io")], fallback: "ada@ours.io")
        #expect(MemberDirectory(members: ["ada@ours.io": "m-ada"], owners: owners).membersMissingFromWorkspace.isEmpty)
    }
}
