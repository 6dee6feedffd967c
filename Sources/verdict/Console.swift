import Glibc
import VerdictEngine

/// The command's two output channels: results to standard output, and diagnostics,
/// progress and summaries to standard error.
///
/// Every message a command prints on standard error starts with the same prefix,
/// `verdict COMMAND:` (or `verdict:` outside a command), set once by `main`.
enum Console {
    /// The prefix of the running command's messages, such as `verdict check`.
    nonisolated(unsafe) static var prefix = "verdict"
    /// The first error writing to standard output (an errno value); nothing more is
    /// written there after it.
    nonisolated(unsafe) private(set) static var outputFailure: Int32?

    static func output(_ text: String) {
        try? writeOutput(bytes: Array(text.utf8))
    }

    /// Writes to standard output; throws, and records for `finishOutput`, the first error.
    static func writeOutput(bytes: [UInt8]) throws(StandardOutputError) {
        if let outputFailure { throw StandardOutputError(code: outputFailure) }
        if let code = write(bytes: bytes, to: 1) {
            outputFailure = code
            throw StandardOutputError(code: code)
        }
    }

    static func error(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: 2)
    }

    /// `verdict COMMAND: error: message` on standard error.
    static func fail(_ message: String) {
        error("\(prefix): error: \(message)")
    }

    /// `verdict COMMAND: warning: message` on standard error.
    static func warn(_ message: String) {
        error("\(prefix): warning: \(message)")
    }

    /// `verdict COMMAND: message` on standard error, for notes and summaries.
    static func note(_ message: String) {
        error("\(prefix): \(message)")
    }

    static func write(_ text: String, to descriptor: Int32) {
        write(bytes: Array(text.utf8), to: descriptor)
    }

    /// Writes all of `bytes`; returns the errno of a failed write, or nil.
    @discardableResult
    static func write(bytes: [UInt8], to descriptor: Int32) -> Int32? {
        FileDescriptorOutput.writeAll(bytes, to: descriptor)
    }

    /// Ends output to standard output before the process exits: flushes what the C
    /// library buffers and checks every write. When one failed, says so on standard
    /// error (except for a closed pipe: a reader such as `head` that stops early is no
    /// error to report) and returns the exit status for an output failure.
    static func finishOutput(_ code: ExitCode, what: String) -> ExitCode {
        // Nothing here writes through the C library's buffered stdout, but flush it in case
        // something linked in does.
        if fflush(nil) != 0, outputFailure == nil { outputFailure = errno }
        guard let failure = outputFailure else { return code }
        if failure != EPIPE {
            fail("cannot write \(what) to standard output: \(String(cString: strerror(failure)))")
        }
        return .cannotCreate
    }

    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) != 0
    }

    /// Whether to colour output on a descriptor: `--color always|never|auto`, and in auto
    /// mode only on a terminal and when `NO_COLOR` is unset or empty.
    static func usesColor(_ setting: String?, descriptor: Int32) -> Bool {
        switch setting {
        case "always": return true
        case "never": return false
        default:
            if let noColor = getenv("NO_COLOR"), String(cString: noColor) != "" { return false }
            return isTerminal(descriptor)
        }
    }
}

/// Exit statuses, documented in the README. The values for unusable input follow the BSD
/// sysexits convention.
enum ExitCode: Int32, Error {
    /// Every evaluated resource complies (or the command succeeded).
    case success = 0
    /// At least one resource does not comply, or lint or tests found problems.
    case violations = 1
    /// Some results are incomplete: an evaluation error or an unreadable document.
    case incomplete = 2
    /// The command line is wrong.
    case usage = 64
    /// An input (policy, pack, parameters or inventory) is unusable.
    case dataError = 65
    /// An input file does not exist.
    case noInput = 66
    /// Something went wrong inside Verdict.
    case internalError = 70
    /// The report could not be written.
    case cannotCreate = 73
}

/// A failed write to standard output.
struct StandardOutputError: Error, CustomStringConvertible {
    let code: Int32

    var description: String { "cannot write to standard output: \(String(cString: strerror(code)))" }
}

/// Memory allocator settings for long runs over large inventories.
enum AllocatorTuning {
    /// Serves allocations of 1 MiB and more with their own mappings and stops glibc from
    /// raising that threshold as the program runs: otherwise large buffers come from the
    /// heap and each one triggers a consolidation of the small freed blocks, which showed
    /// up as a tenth of the run time in profiles of 100,000-resource inventories.
    static func apply() {
        // M_MMAP_THRESHOLD from glibc's <malloc.h>, which the Glibc module does not import.
        let mmapThreshold: Int32 = -3
        _ = glibcMallopt(mmapThreshold, 1 << 20)
    }
}

@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
