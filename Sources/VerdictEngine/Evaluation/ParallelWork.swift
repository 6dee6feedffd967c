import Foundation

/// Runs work on several threads at once. Threads get large stacks because evaluating a
/// deeply nested expression, or parsing a deeply nested document, recurses; the default
/// stack of a secondary thread on Linux is small.
enum ParallelWork {
    static let stackSize = 16 << 20

    /// Calls `body(worker)` for each worker from 0 to `workers - 1`, one thread each (the
    /// calling thread takes worker 0), and returns when all are done.
    static func run(workers: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard workers > 1 else {
            body(0)
            return
        }
        let group = DispatchGroup()
        for worker in 1..<workers {
            group.enter()
            let thread = Thread {
                body(worker)
                group.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        body(0)
        group.wait()
    }

    /// The number of threads to use by default: the processors this process may use.
    static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// Results written by worker threads into separate slots of one buffer, read only after
/// all workers have finished. The buffer is raw memory so that concurrent writes to
/// different slots involve no shared Swift array (whose accesses are checked for
/// exclusivity).
final class WorkerSlots<Element>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        slots = UnsafeMutableBufferPointer.allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Each worker writes only its own slots, so no two threads touch the same element.
    func set(_ index: Int, _ element: Element) {
        slots[index] = element
    }

    var elements: [Element?] { Array(slots) }
}
