import AllegoryExport
import ExportUnderstanding
import TwentyModel

/// The columns of a file whose object Twenty has (contacts -> person): each standard column to its field by the
/// profile's rules, scored by header and values; the rest to new custom fields.
struct StandardObjectProposer {
    let context: ProposalContext
    /// The profile whose rules apply (`contacts`), which may differ from the file's object name.
    let profile: String
    let object: ObjectDescription
    /// What the snapshot understood of this file: its columns' meanings and relations.
    var understood: FileUnderstanding? = nil

    func fields(_ sample: SourceSample) -> (fields: [FieldMapping], key: String?) {
        let rules = StandardColumnRules.rules(for: profile)
        let profileColumns = SourceProfile.columns[profile] ?? []
        let evidence = sample.header.enumerated().map { index, name in
            ColumnEvidence(column: name, index: index, values: sample.values(ofColumn: index))
        }
        var seenHeaders = Set<String>()
        let duplicate = evidence.map { !seenHeaders.insert(HeaderName.normalize($0.column)).inserted }

        let objectNames = [profile, object.nameSingular, object.namePlural] + (SourceObjects.synonyms[profile] ?? [])
        let objectWords = Set(objectNames.flatMap { HeaderWords.split($0).map(HeaderWords.stem) })
        var candidates: [ColumnCandidate] = []
        for column in evidence where !duplicate[column.index] {
            for (index, rule) in rules.enumerated() {
                let synonyms = profileColumns.first { $0.name == rule.column }?.synonyms ?? []
                if let candidate = ColumnScorer.candidate(
                    column, rule, index: index, profileSynonyms: synonyms, objectWords: objectWords)
                {
                    candidates.append(candidate)
                }
            }
        }
        // A standard column the understanding gave to one column is not proposed for another by its header alone
        // (`Title` of salutations beside `Job Role`).
        if let understood {
            let owner = Dictionary(
                understood.columns.compactMap { column in column.standard.map { ($0, column.name) } },
                uniquingKeysWith: { first, _ in first })
            candidates.removeAll { candidate in
                owner[candidate.rule.column].map { $0 != candidate.column.column } ?? false
            }
        }
        candidates += understoodCandidates(evidence, rules: rules, duplicate: duplicate)
        candidates.sort {
            $0.confidence != $1.confidence
                ? $0.confidence > $1.confidence
                : ($0.column.index != $1.column.index ? $0.column.index < $1.column.index : $0.ruleIndex < $1.ruleIndex)
        }
        var chosen: [Int: ColumnCandidate] = [:]
        var claimed = Set<Int>()
        for candidate in candidates
        where chosen[candidate.column.index] == nil && !claimed.contains(candidate.ruleIndex) {
            chosen[candidate.column.index] = candidate
            claimed.insert(candidate.ruleIndex)
        }
        // A key column the header does not name: the first column of distinct, id-shaped values. A natural key (an
        // email, a name) is not an id: it keeps its own target, and the source id still reaches allegoryId.
        if understood.map({ $0.keyKind == .id }) ?? true, let keyRule = rules.firstIndex(where: \.isKey),
            !claimed.contains(keyRule),
            let column = evidence.first(where: { chosen[$0.index] == nil && $0.isUnique && $0.identifierShare >= 0.95 })
        {
            chosen[column.index] = ColumnCandidate(
                column: column, rule: rules[keyRule], ruleIndex: keyRule,
                confidence: ((0.45 + 0.45 * column.identifierShare) * 100).rounded() / 100,
                reasons: [
                    "header \"\(column.column)\" names no known column; every sampled value is distinct and shaped like an id",
                    rules[keyRule].note ?? "",
                ].filter { !$0.isEmpty })
        }

        var newFields = NewFieldProposer(object: object)
        var mappings: [FieldMapping] = []
        var key: String?
        for column in evidence {
            if duplicate[column.index] {
                mappings.append(
                    FieldMapping(
                        column: column.column, target: nil, transform: .skip, confidence: 1,
                        reasons: ["a second column named \"\(column.column)\": the reader keeps the first"]))
            } else if let candidate = chosen[column.index],
                let mapping = mapping(candidate, sample: sample, newFields: &newFields)
            {
                if candidate.rule.isKey { key = column.column }
                mappings.append(mapping)
            } else if ["tasks", "notes", "activities", "attachments"].contains(profile),
                let mapping = parentMapping(column.column)
            {
                mappings.append(mapping)
            } else if let relation = relation(of: column.column),
                context.understanding?.file(object: relation.targetObject)?.role != .users,
                let mapping = newFields.relationMapping(
                    for: column, relation: relation, targets: context.targets, objectLabel: object.nameSingular)
            {
                mappings.append(mapping)
            } else {
                mappings.append(
                    newFields.mapping(
                        for: column,
                        definition: context.definition(object: sample.object, column: column.column)
                            ?? context.definition(object: profile, column: column.column),
                        objectLabel: object.nameSingular, referencedObject: referenced))
            }
        }
        return (mappings, key)
    }

    /// Candidates from the export's understanding: a column whose meaning the header and the values agree on is
    /// proposed with the understanding's confidence; one that only the header, or only the values, support stays
    /// below 0.6 and says what would settle it, so the review lists it first.
    private func understoodCandidates(_ evidence: [ColumnEvidence], rules: [TargetRule], duplicate: [Bool])
        -> [ColumnCandidate]
    {
        guard let understood else { return [] }
        var result: [ColumnCandidate] = []
        for column in evidence where !duplicate[column.index] {
            guard let meaning = understood.column(column.column), let standard = meaning.standard,
                let ruleIndex = rules.firstIndex(where: { $0.column == standard })
            else { continue }
            if rules[ruleIndex].isKey, understood.keyKind != .id || !understood.keyColumns.contains(column.column) {
                continue
            }
            var reasons = meaning.reasons
            var confidence = meaning.confidence
            switch meaning.evidence {
            case .both?:
                confidence = max(confidence, 0.8)
            case .header?:
                confidence = min(confidence, 0.59)
                reasons.append("only the header says so; the sampled values would settle it: check them in the review")
            case .values?, nil:
                confidence = min(confidence, 0.59)
                reasons.append(
                    "only the values say so; a header naming \(standard) would settle it: confirm in the review")
            }
            if let note = rules[ruleIndex].note { reasons.append(note) }
            result.append(
                ColumnCandidate(
                    column: column, rule: rules[ruleIndex], ruleIndex: ruleIndex,
                    confidence: (confidence * 100).rounded() / 100,
                    reasons: reasons))
        }
        return result
    }

    func referenced(_ source: String) -> (source: String, target: String)? {
        context.targets[source].map { (source, $0) }
    }

    /// Whether the object has the field a path writes (`emails.primaryEmail`, or a join column `companyId`).
    func has(_ path: String) -> Bool {
        let top = String(path.split(separator: ".", maxSplits: 1)[0])
        return object.field(named: top) != nil || object.relation(joinColumn: path) != nil
    }

    private func mapping(_ candidate: ColumnCandidate, sample: SourceSample, newFields: inout NewFieldProposer)
        -> FieldMapping?
    {
        let rule = candidate.rule
        let column = candidate.column
        var reasons = candidate.reasons
        var target: String?
        var newField: NewField?
        if let existing = rule.targets.first(where: has) {
            target = existing
        } else if let spec = rule.newField, let path = rule.targets.last {
            target = path
            newField = NewField(
                name: spec.name, label: spec.label, type: spec.type, relationTarget: spec.relationTarget)
            newFields.takenNames.insert(spec.name.lowercased())
            reasons.append("\(object.nameSingular) has no field \(spec.name): new \(spec.type.rawValue) field")
        } else if !rule.targets.isEmpty {
            return nil
        }
        var mapping = FieldMapping(
            column: column.column, target: target, transform: rule.transform, confidence: candidate.confidence,
            reasons: reasons, newField: newField, references: references(for: column.column, rule: rule),
            separator: rule.separator)
        if rule.transform == .reference, let relation = understood.flatMap({ _ in relation(of: column.column) }),
            relation.matchBy != .id
        {
            mapping.matchBy = relation.matchBy.rawValue
            // The rule's note speaks of ids; these values are names (or emails, or domains).
            mapping.reasons.removeAll { $0 == rule.note }
            mapping.reasons.append(
                "holds \(relation.matchBy.rawValue)s of \(relation.targetObject): each resolves to the one record of that "
                    + "\(relation.matchBy.rawValue) (none or several: a link not written, recorded)")
        }
        if rule.transform == .date || rule.transform == .dateTime { mapping.format = column.timestampFormat?.rawValue }
        ColumnDecisions.apply(column, to: &mapping)
        // A parent of a type named per record: each type value and the source object it stands for.
        if rule.transform == .reference, rule.targets.isEmpty, let understood,
            let pair = context.understanding?.polymorphic(of: understood.object).first(where: {
                $0.idColumn == column.column
            })
        {
            mapping.values = pair.targets.sorted { $0.key < $1.key }.map {
                ValueMapping(source: $0.key, target: $0.value)
            }
            mapping.reasons.append(pair.reason)
        }
        if rule.transform == .select, let target {
            addValues(to: &mapping, target: target, column: column, sample: sample)
        }
        return mapping
    }

    /// A column of a task, note or attachment that points at one object's records (`Organisation`, `Person`):
    /// the record it belongs to, written as a task or note target (an attachment's parent), not as a field.
    private func parentMapping(_ column: String) -> FieldMapping? {
        guard let relation = relation(of: column), let understanding = context.understanding,
            understanding.file(object: relation.targetObject)?.role != .users,
            let target = context.targets[relation.targetObject]
        else { return nil }
        var reasons = [
            relation.reason, "the record it belongs to: linked as a \(object.nameSingular) target of \(target)",
        ]
        var confidence = relation.confidence
        if !relation.headerAgrees {
            confidence = min(confidence, ColumnScorer.guessCeiling)
            reasons.append("only the values say so; confirm the link in the review")
        }
        return FieldMapping(
            column: column, target: nil, transform: .reference, confidence: (confidence * 100).rounded() / 100,
            reasons: reasons, references: relation.targetObject,
            matchBy: relation.matchBy == .id ? nil : relation.matchBy.rawValue)
    }

    /// The relation the understanding found for a column of this file.
    private func relation(of column: String) -> Relation? {
        guard let understood else { return nil }
        return context.understanding?.relation(object: understood.object, column: column)
    }

    /// The source object a reference column points at: the object its values were found in (`Account`), else the
    /// first file of the rule's role (`companies`); a polymorphic parent's type column as the file names it.
    private func references(for column: String, rule: TargetRule) -> String? {
        guard rule.transform == .reference, let understood, let understanding = context.understanding else {
            return rule.references
        }
        if rule.targets.isEmpty {
            return understanding.polymorphic(of: understood.object).first { $0.idColumn == column }?.typeColumn
                ?? rule.references
        }
        if let relation = relation(of: column) { return relation.targetObject }
        if let role = rule.references.flatMap(ObjectRole.init(rawValue:)), let file = understanding.files(role).first {
            return file.object
        }
        return rule.references
    }

    /// The value map of a SELECT target: stages, task statuses, MIME types, or a new field's options.
    private func addValues(to mapping: inout FieldMapping, target: String, column: ColumnEvidence, sample: SourceSample)
    {
        if var field = mapping.newField {
            var sourceValues = context.definition(object: sample.object, column: column.column)?.picklistValues ?? []
            for value in column.valuesInOrder where !sourceValues.contains(value) { sourceValues.append(value) }
            (field.options, mapping.values) = ValueMapProposer.options(for: sourceValues)
            mapping.newField = field
            return
        }
        guard let options = object.field(named: target)?.options else { return }
        if target == "fileCategory" {
            mapping.values = column.valuesInOrder.map {
                ValueMapping(source: $0, target: ValueMapProposer.fileCategory(forMIME: $0))
            }
            return
        }
        var sourceValues: [String] = []
        var synonyms: [String: [String]] = [:]
        var stages = StageList()
        if object.nameSingular == "opportunity", target == "stage" {
            stages = context.stages
            sourceValues = stages.names
            synonyms = ValueMapProposer.stageSynonyms
        } else if object.nameSingular == "task", target == "status" {
            synonyms = ValueMapProposer.taskStatusSynonyms
        }
        for value in column.valuesInOrder where !sourceValues.contains(value) { sourceValues.append(value) }
        let result = ValueMapProposer.map(
            sourceValues, to: options, synonyms: synonyms, won: stages.won, lost: stages.lost)
        mapping.values = result.values
        mapping.reasons += result.reasons
    }
}
