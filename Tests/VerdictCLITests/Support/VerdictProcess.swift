import Foundation

/// The `verdict` executable built next to the test bundle, run as a user runs it.
enum VerdictProcess {
    struct Run {
        let status: Int32
        let output: String
        let error: String
        /// False when a signal ended the process rather than an exit.
        let exited: Bool
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable next to the test bundle, in the same build directory.
    static var executable: URL {
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL ?? Bundle.main.bundleURL
        let directory = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return directory.appendingPathComponent("verdict")
    }

    /// Runs `verdict` and waits for it to exit.
    ///
    /// It runs in `directory` (the repository root by default, where it finds the shipped
    /// policies and schemas) without `NO_COLOR` and `VERDICT_HOME` from the test runner's
    /// environment; `environment` sets variables on top. Standard input is the null device
    /// unless `input` is given (a pipe fed with it) or `standardInput` names a file handle,
    /// so that no test ever waits on the test runner's own standard input.
    /// `standardOutput` replaces the captured pipe, and the run's output is then empty.
    static func run(_ arguments: [String], directory: URL = repositoryRoot, environment: [String: String] = [:],
                    input: Data? = nil, standardInput: FileHandle? = nil, standardOutput: FileHandle? = nil,
                    executable: URL = executable) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "NO_COLOR")
        variables.removeValue(forKey: "VERDICT_HOME")
        for (key, value) in environment { variables[key] = value }
        process.environment = variables

        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? standardInput ?? FileHandle.nullDevice
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = standardOutput ?? output
        process.standardError = error
        try process.run()

        if let inputPipe, let input {
            // Fed from another thread, so that a large input cannot block this one while
            // the command waits for its output to be read.
            let writer = inputPipe.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(input)
                try? writer.close()
            }
        }
        if standardOutput != nil { try output.fileHandleForWriting.close() }

        // Standard error is read on another thread, so that neither pipe can fill up while
        // the other is read.
        final class Box: @unchecked Sendable { var data = Data() }
        let errorData = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errorData.data = error.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   error: String(decoding: errorData.data, as: UTF8.self), exited: process.terminationReason == .exit)
    }
}
