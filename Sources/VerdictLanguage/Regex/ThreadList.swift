/// The threads of the Pike VM at one text position, in priority order, with at most
/// one thread per instruction.
///
/// It is a sparse set (Briggs and Torczon): membership is O(1) and clearing is O(1)
/// without touching the storage, so the search allocates nothing per character.
struct ThreadList {
    /// For an instruction `pc` in the set, `sparse[pc]` is its index in `instructionAt`.
    private var sparse: [Int]

    /// The instructions in the set, in the order they were added, which is priority order.
    private(set) var instructionAt: [Int]

    /// The text offset where the thread at the same index started its match attempt.
    private(set) var matchStartAt: [Int]

    private(set) var count = 0

    init(capacity: Int) {
        sparse = Array(repeating: 0, count: capacity)
        instructionAt = Array(repeating: 0, count: capacity)
        matchStartAt = Array(repeating: 0, count: capacity)
    }

    var isEmpty: Bool { count == 0 }

    func contains(_ pc: Int) -> Bool {
        let index = sparse[pc]
        return index < count && instructionAt[index] == pc
    }

    mutating func insert(_ pc: Int, matchStart: Int) {
        sparse[pc] = count
        instructionAt[count] = pc
        matchStartAt[count] = matchStart
        count += 1
    }

    mutating func removeAll() {
        count = 0
    }
}
