public enum WT {
    public static func main() -> Int32 { 0 }
}
