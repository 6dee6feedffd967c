import Glibc

/// The command's two output channels: results to standard output, and diagnostics,
/// progress and summaries to standard error.
enum Console {
    static func output(_ text: String) {
        write(text, to: 1)
    }

    static func error(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: 2)
    }

    static func write(_ text: String, to descriptor: Int32) {
        write(bytes: Array(text.utf8), to: descriptor)
    }

    static func write(bytes: [UInt8], to descriptor: Int32) {
        var bytes = bytes
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeMutableBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if result < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += result
        }
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
