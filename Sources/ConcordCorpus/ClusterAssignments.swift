/// Reads which documents belong to a cluster from a JSON Lines file of `{"id", "cluster", …}`
/// objects: what `concord cluster -o` writes, or a labelled corpus that carries a cluster field.
public enum ClusterAssignments {
    /// The ids of the documents in `cluster`, in file order. Cluster labels are compared as text,
    /// so `7` and `"7"` name the same cluster.
    ///
    /// - Parameters:
    ///   - cluster: the cluster's label.
    ///   - path: the JSONL file.
    ///   - clusterField: the key holding each document's cluster.
    /// - Throws: `CorpusError` naming the file and line of a line that is not a JSON object with
    ///   an id and a cluster, or when the file cannot be read.
    /// - Complexity: O(*n*) in the bytes of the file.
    public static func members(of cluster: String, in path: String, clusterField: String = "cluster") throws -> [DocumentID] {
        let reader = LineReader(path: path)
        let wanted = [Array("id".utf8), Array(clusterField.utf8)]
        var members: [DocumentID] = []
        try reader.forEachLine { line, number in
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            var scanner = JSONObjectScanner(line)
            let values: [JSONObjectScanner.Value?]
            do {
                values = try scanner.scan(fieldCount: 2) { key in wanted.firstIndex { $0.elementsEqual(key) } }
            } catch let error as JSONObjectScanner.Failure {
                throw CorpusError(file: reader.displayName, line: number, "malformed JSON at column \(error.offset + 1): \(error.message)")
            }
            guard let label = values[1]?.documentID?.description else {
                throw CorpusError(file: reader.displayName, line: number, "no \"\(clusterField)\" string or integer (is this a clusters file from concord cluster -o?)")
            }
            guard label == cluster else { return }
            guard let id = values[0]?.documentID else {
                throw CorpusError(file: reader.displayName, line: number, "no \"id\" string or integer")
            }
            members.append(id)
        }
        return members
    }
}
