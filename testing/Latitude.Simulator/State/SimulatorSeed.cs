namespace BucketOperator.Latitude.Simulator.State;

/// <summary>The accounts and sites a simulator starts with.</summary>
public sealed record SimulatorSeed(IReadOnlyList<Team> Teams, IReadOnlyList<Project> Projects, IReadOnlyList<ApiToken> Tokens, IReadOnlyList<Site> Sites)
{
    /// <summary>Token of the main team (storage enabled, may write).</summary>
    public const string Token = "sim-token";

    /// <summary>A second writable token of the main team: the same projects, its own rate-limit budget.</summary>
    public const string SecondToken = "sim-second-token";

    /// <summary>Token of the main team that may only read (writes get 403 USER_AUTHORIZATION_ERROR).</summary>
    public const string ReadOnlyToken = "sim-readonly-token";

    /// <summary>Token of a team without object storage (403 STORAGE_NOT_ENABLED / FEATURE_NOT_ENABLED).</summary>
    public const string NoStorageToken = "sim-nostorage-token";

    /// <summary>Token of a second team, whose bucket names take the global S3 namespace (BUCKET_NAME_TAKEN).</summary>
    public const string OtherTeamToken = "sim-other-token";

    public const string Project = "proj_6059EqYkOQj8p";
    public const string ProjectSlug = "my-project";

    /// <summary>
    /// Sites from the documentation's examples: DAL, SAO2 and ASH sell standard only (DAL high_performance is
    /// the documented LOCATION_UNAVAILABLE example); NYC sells both.
    /// </summary>
    public static SimulatorSeed Default { get; } = new(
        [
            new Team("team_lV9Xe2AAK5CbMgGbpPYLskLRXyV", "my-team", StorageEnabled: true),
            new Team("team_nostorage", "no-storage-team", StorageEnabled: false),
            new Team("team_other", "other-team", StorageEnabled: true),
        ],
        [
            new Project(Project, ProjectSlug, "My Project", "team_lV9Xe2AAK5CbMgGbpPYLskLRXyV"),
            new Project("proj_second", "second-project", "Second Project", "team_lV9Xe2AAK5CbMgGbpPYLskLRXyV"),
            new Project("proj_nostorage", "no-storage", "No Storage", "team_nostorage"),
            new Project("proj_other", "other-project", "Other Project", "team_other"),
        ],
        [
            new ApiToken(Token, "team_lV9Xe2AAK5CbMgGbpPYLskLRXyV", CanWrite: true),
            new ApiToken(SecondToken, "team_lV9Xe2AAK5CbMgGbpPYLskLRXyV", CanWrite: true),
            new ApiToken(ReadOnlyToken, "team_lV9Xe2AAK5CbMgGbpPYLskLRXyV", CanWrite: false),
            new ApiToken(NoStorageToken, "team_nostorage", CanWrite: true),
            new ApiToken(OtherTeamToken, "team_other", CanWrite: true),
        ],
        [
            new Site("DAL", "United States", "us-east-1", HighPerformance: false),
            new Site("SAO2", "Brazil", "sa-east-1", HighPerformance: false),
            new Site("ASH", "United States", "us-east-2", HighPerformance: false),
            new Site("NYC", "United States", "us-east-1", HighPerformance: true),
        ]);
}

public sealed record Team(string Id, string Slug, bool StorageEnabled);

public sealed record Project(string Id, string Slug, string Name, string TeamId);

public sealed record ApiToken(string Value, string TeamId, bool CanWrite);

/// <summary>A site selling object storage; every site sells standard, some also high_performance.</summary>
/// <param name="S3Region">The AWS-style signing region of the site's standard endpoint.</param>
public sealed record Site(string Slug, string Country, string S3Region, bool HighPerformance);
