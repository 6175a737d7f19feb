#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin POSIX file operations. The store needs fsync of files and directories,
/// exact permissions and `flock`, none of which Foundation's FileManager gives.
public enum FileSystem {
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func size(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int(st.st_size)
    }

    public static func mode(_ path: String) -> UInt32? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return UInt32(st.st_mode) & 0o7777
    }

    static func errorText(_ path: String, _ op: String) -> String {
        "\(op) \(path): \(String(cString: strerror(errno)))"
    }

    /// Reads a whole file; nil when it does not exist.
    public static func read(_ path: String) throws -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw WTError.failure(errorText(path, "cannot open"))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw WTError.failure(errorText(path, "cannot stat")) }
        // Straight into the result, sized by fstat (one more byte to see the end):
        // no zeroed chunk to copy from, so a command touches each page once.
        var failed = false
        var result = [UInt8](unsafeUninitializedCapacity: Int(st.st_size) + 1) { buf, count in
            count = 0
            while count < buf.count {
                let n = Glibc.read(fd, buf.baseAddress! + count, buf.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if failed { throw WTError.failure(errorText(path, "cannot read")) }
        if result.count == Int(st.st_size) + 1 {
            // It grew since fstat (not under the store's lock): read the rest.
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WTError.failure(errorText(path, "cannot read"))
                }
                if n == 0 { break }
                result.append(contentsOf: chunk[0..<n])
            }
        }
        return result
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WTError.failure(errorText(path, "cannot write"))
            }
            done += n
        }
    }

    /// Creates or truncates `path` with mode 0600, writes, and fsyncs it.
    public static func writeDurably(_ path: String, _ bytes: [UInt8]) throws {
        try writeFile(path, bytes, sync: true)
    }

    /// Writes a file (0600), fsyncing it when `sync`.
    public static func writeFile(_ path: String, _ bytes: [UInt8], sync: Bool) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WTError.failure(errorText(path, "cannot create")) }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
        guard !sync || fsync(fd) == 0 else { throw WTError.failure(errorText(path, "cannot fsync")) }
    }

    /// Flushes everything written so far to disk (sync(2): Glibc's module does
    /// not offer syncfs), then fsyncs `directory` for good measure.
    public static func syncAll(_ directory: String) throws {
        Glibc.sync()
        try fsyncDirectory(directory)
    }

    /// Truncates to `offset` and appends: repeating it gives the same file, which
    /// is what journal replay needs.
    public static func writeAt(_ path: String, offset: Int, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WTError.failure(errorText(path, "cannot open")) }
        defer { close(fd) }
        guard ftruncate(fd, off_t(offset)) == 0, lseek(fd, off_t(offset), SEEK_SET) >= 0 else {
            throw WTError.failure(errorText(path, "cannot position"))
        }
        try writeAll(fd, bytes, path: path)
        guard fsync(fd) == 0 else { throw WTError.failure(errorText(path, "cannot fsync")) }
    }

    public static func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw WTError.failure(errorText(to, "cannot rename \(from) to")) }
    }

    public static func unlink(_ path: String) throws {
        if Glibc.unlink(path) != 0 && errno != ENOENT { throw WTError.failure(errorText(path, "cannot remove")) }
    }

    public static func fsyncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw WTError.failure(errorText(path, "cannot open directory")) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw WTError.failure(errorText(path, "cannot fsync directory")) }
    }

    /// mkdir -p with mode 0700 for every directory it creates.
    public static func makeDirectories(_ path: String) throws {
        if isDirectory(path) { return }
        let parent = parentOf(path)
        if !parent.isEmpty && parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw WTError.failure(errorText(path, "cannot create directory"))
        }
    }

    public static func parentOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// Names in a directory, sorted; empty when it does not exist.
    public static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public static func removeTree(_ path: String) {
        if isDirectory(path) {
            for name in list(path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            Glibc.unlink(path)
        }
    }

    public static func absolute(_ path: String, cwd: String) -> String {
        path.hasPrefix("/") ? path : (cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path)
    }

    public static func currentDirectory() -> String {
        guard let p = getcwd(nil, 0) else { return "." }
        defer { free(p) }
        return String(cString: p)
    }
}

/// A store-wide advisory lock. `flock` locks die with the process, so a killed
/// writer never leaves a stale lock behind.
public final class FileLock {
    let fd: Int32
    public private(set) var exclusive = false

    public init(path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WTError.failure(FileSystem.errorText(path, "cannot open lock file")) }
    }

    deinit { close(fd) }

    /// Waits up to `seconds` for the lock; false when another process kept it.
    public func acquire(exclusive: Bool, waitSeconds: Double) -> Bool {
        let op = (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
        var delay: useconds_t = 2_000
        var waited = 0.0
        while true {
            if flock(fd, op) == 0 {
                self.exclusive = exclusive
                return true
            }
            if errno != EWOULDBLOCK && errno != EINTR { return false }
            if waited >= waitSeconds { return false }
            let step = min(Double(delay) / 1e6, max(waitSeconds - waited, 0.001))
            usleep(useconds_t(step * 1e6))
            waited += step
            delay = min(delay * 2, 100_000)
        }
    }

    public func release() { flock(fd, LOCK_UN) }
}
