/// `wt init --sample`: fills a new store through the same services the
/// commands use, so a sample store is as valid as a real one.
public enum SampleData {
    public static func fill(_ store: Store, sample: String, env: ServiceEnv, actor: String) throws {
        switch sample {
        case "demo": try DemoSample.fill(store, env: env, actor: actor)
        case "large": try LargeSample.fill(store, env: env, actor: actor)
        default: throw WTError.usage("unknown sample \"\(sample)\"")
        }
    }
}
