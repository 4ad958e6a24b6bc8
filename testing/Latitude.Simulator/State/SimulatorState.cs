using System.Security.Cryptography;
using BucketOperator.Latitude.Simulator.S3;

namespace BucketOperator.Latitude.Simulator.State;

/// <summary>
/// Everything the simulated API knows. Thread-safe: each method is atomic, so concurrent creates of one
/// name see exactly one winner, as they would on the real API. Tests read and arrange it directly. Deleted keys
/// are revoked on <paramref name="s3"/> too, so that they stop working there as they stop being listed.
/// </summary>
public sealed class SimulatorState(SimulatorSeed seed, IS3Backend s3)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedBucket> _buckets = new(StringComparer.Ordinal);
    private readonly List<SimulatedAccessKey> _keys = [];
    private readonly List<string> _issuedSecrets = [];
    private readonly Dictionary<string, string> _bucketKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiToken> _tokens = seed.Tokens.ToDictionary(t => t.Value, StringComparer.Ordinal);

    public SimulatorSeed Seed { get; } = seed;

    public LifecycleRuleStore LifecycleRules { get; } = new();

    public UsageLedger Usage { get; } = new();

    public IReadOnlyList<SimulatedBucket> Buckets
    {
        get
        {
            lock (_gate)
            {
                return [.. _buckets.Values];
            }
        }
    }

    public IReadOnlyList<SimulatedAccessKey> AccessKeys
    {
        get
        {
            lock (_gate)
            {
                return [.. _keys];
            }
        }
    }

    /// <summary>Every secret key ever handed out, deleted keys' included: what must never show up in a log.</summary>
    public IReadOnlyList<string> IssuedSecrets
    {
        get
        {
            lock (_gate)
            {
                return [.. _issuedSecrets];
            }
        }
    }

    /// <summary>Remembers a secret key as handed out (see <see cref="IssuedSecrets"/>).</summary>
    public void RecordIssuedSecret(string secret)
    {
        lock (_gate)
        {
            _issuedSecrets.Add(secret);
        }
    }

    public (ApiToken Token, Team Team)? Authenticate(string? token)
    {
        ApiToken? match;
        lock (_gate)
        {
            match = token is null ? null : _tokens.GetValueOrDefault(token);
        }

        return match is null ? null : (match, Seed.Teams.Single(t => t.Id == match.TeamId));
    }

    /// <summary>
    /// Revokes a token as a user would in the dashboard: from the next request on it gets 401 (a request already
    /// past authentication finishes). False when no such token is valid.
    /// </summary>
    public bool RevokeToken(string value)
    {
        lock (_gate)
        {
            return _tokens.Remove(value);
        }
    }

    /// <summary>Makes a token valid from the next request on: a new one, or a revoked one restored (replacing any with its value).</summary>
    public void AddToken(ApiToken token)
    {
        if (Seed.Teams.All(t => t.Id != token.TeamId))
        {
            throw new ArgumentException($"no team {token.TeamId} in the seed", nameof(token));
        }

        lock (_gate)
        {
            _tokens[token.Value] = token;
        }
    }

    /// <summary>A project of the team, by ID or slug; another team's project is as unknown as a missing one.</summary>
    public Project? FindProject(string? idOrSlug, string teamId) =>
        Seed.Projects.FirstOrDefault(p => p.TeamId == teamId && (p.Id == idOrSlug || p.Slug == idOrSlug));

    public Site? FindSite(string? slug) => Seed.Sites.FirstOrDefault(s => string.Equals(s.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public SimulatedBucket? FindBucket(string id)
    {
        lock (_gate)
        {
            return _buckets.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<SimulatedBucket> BucketsOf(IEnumerable<string> projectIds)
    {
        var projects = projectIds.ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            return _buckets.Values.Where(b => projects.Contains(b.ProjectId)).OrderBy(b => b.CreatedAt).ToList();
        }
    }

    /// <summary>Adds the bucket unless its S3 name is in use: in its project (same-project conflict) or anywhere (name taken).</summary>
    public BucketNameClash AddBucket(SimulatedBucket bucket)
    {
        lock (_gate)
        {
            var existing = _buckets.Values.FirstOrDefault(b => b.BucketName == bucket.BucketName || (b.ProjectId == bucket.ProjectId && b.Name == bucket.Name));
            if (existing is not null)
            {
                return existing.ProjectId == bucket.ProjectId ? BucketNameClash.SameProject : BucketNameClash.Elsewhere;
            }

            _buckets.Add(bucket.Id, bucket);
            return BucketNameClash.None;
        }
    }

    /// <summary>The bucket whose S3 name this is; null when none has it (any more).</summary>
    public SimulatedBucket? FindBucketByName(string bucketName)
    {
        lock (_gate)
        {
            return _buckets.Values.FirstOrDefault(b => b.BucketName == bucketName);
        }
    }

    public bool RemoveBucket(string id)
    {
        LifecycleRules.RemoveAllOf(id);
        lock (_gate)
        {
            return _buckets.Remove(id);
        }
    }

    /// <summary>
    /// Remembers the key pair a seed-shape create response put on the bucket: it opens that bucket (read and write)
    /// over S3, and no other.
    /// </summary>
    public void RecordBucketKey(string accessKeyId, string bucketId)
    {
        lock (_gate)
        {
            _bucketKeys[accessKeyId] = bucketId;
        }
    }

    /// <summary>The bucket a seed-shape bucket key was issued with (see <see cref="RecordBucketKey"/>), or null.</summary>
    public string? BucketOfKey(string accessKeyId)
    {
        lock (_gate)
        {
            return _bucketKeys.GetValueOrDefault(accessKeyId);
        }
    }

    /// <summary>Makes a bucket (without S3 backing) non-empty or empty again.</summary>
    public void SetObjectCount(string bucketId, int count)
    {
        lock (_gate)
        {
            _buckets[bucketId].ObjectCount = count;
        }
    }

    /// <summary>Adds the key unless its user already has one and <paramref name="allowSecond"/> is false.</summary>
    public bool AddAccessKey(SimulatedAccessKey key, bool allowSecond = false)
    {
        lock (_gate)
        {
            if (!allowSecond && _keys.Any(k => k.ProjectId == key.ProjectId && k.StorageClass == key.StorageClass && k.Username == key.Username))
            {
                return false;
            }

            _keys.Add(key);
            return true;
        }
    }

    /// <summary>The live access key with this ID; null once it is deleted.</summary>
    public SimulatedAccessKey? FindAccessKey(string accessKeyId)
    {
        lock (_gate)
        {
            return _keys.Find(k => k.AccessKeyId == accessKeyId);
        }
    }

    public IReadOnlyList<SimulatedAccessKey> AccessKeysOf(string projectId)
    {
        lock (_gate)
        {
            return _keys.Where(k => k.ProjectId == projectId).ToList();
        }
    }

    /// <summary>Removes the user with every key it holds (the provider deletes the user); empty when there is none.</summary>
    public Task<IReadOnlyList<SimulatedAccessKey>> RemoveAccessKeysAsync(string projectId, string username, string storageClass, CancellationToken cancellationToken = default) =>
        RemoveAndRevokeAsync(k => k.ProjectId == projectId && k.Username == username && k.StorageClass == storageClass, cancellationToken);

    /// <summary>
    /// Deletes one key by its access key ID out of band, as a user would in the Latitude dashboard: it is listed no
    /// more and S3 refuses it. False when no key has this ID.
    /// </summary>
    public async Task<bool> RevokeAccessKeyAsync(string accessKeyId, CancellationToken cancellationToken = default) =>
        (await RemoveAndRevokeAsync(k => k.AccessKeyId == accessKeyId, cancellationToken)).Count > 0;

    private async Task<IReadOnlyList<SimulatedAccessKey>> RemoveAndRevokeAsync(Predicate<SimulatedAccessKey> match, CancellationToken cancellationToken)
    {
        List<SimulatedAccessKey> removed;
        lock (_gate)
        {
            removed = _keys.FindAll(match);
            _keys.RemoveAll(match);
        }

        foreach (var key in removed)
        {
            await s3.RevokeKeyAsync(key.AccessKeyId, cancellationToken);
        }

        return removed;
    }

    /// <summary>An opaque ID such as <c>bkt_6VE1Wd37dXnZJ</c>.</summary>
    public static string NewId(string prefix) => prefix + RandomText("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 13);

    public static string RandomText(string alphabet, int length) =>
        string.Create(length, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
}

public enum BucketNameClash
{
    None,
    SameProject,
    Elsewhere,
}
