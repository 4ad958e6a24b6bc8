using System.Text;
using BucketOperator.Entities;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Operator.Tests.Reliability;

/// <summary>
/// Generates hostile ObjectBucket specs (issue 9 item 6) from a seed: each case is a kind of abuse, the objects and
/// Secrets it needs, and which outcomes are acceptable for each object: a Ready reason, or <see cref="Rejected"/> by
/// the API server at admission (CRD schema). Kinds take turns, so every kind occurs in any run of 50 or more.
/// </summary>
internal static class HostileSpecs
{
    /// <summary>The outcome "the API server refused to store it" (422 from the CRD schema or object-meta validation).</summary>
    public const string Rejected = "Rejected";

    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly string[] Letters = [.. Alphanumeric.Select(c => c.ToString())];

    /// <summary>Single code points (so rune counts are exact): accents, CJK, emoji, right-to-left, combining and invisible marks, quotes, markup.</summary>
    private static readonly string[] Unicode =
        ["a", "Z", "7", "é", "ß", "Ω", "中", "字", "😀", "🪣", "\u0301", "\u200d", "\u200b", "\ufeff", "\u202e", "ע", "ب", "'", "\"", "\\", "<", "&", "%", "{", "$", "\u2028"];

    private static readonly string[] Controls = ["\u0000", "\u0007", "\u0008", "\u001b", "\u007f", "\n", "\r", "\t", "\u0085"];

    private static readonly Kind[] Kinds =
    [
        // Valid, if odd: these must become Available.
        new("plain", (r, i) => Expect(Obj($"plain-{i}"), ReadyReasons.Available)),
        new("name-63-chars", (r, i) => Expect(Obj(Pad($"n63-{i}-", 63, r)), ReadyReasons.Available)),
        new("bucket-name-3-chars", (r, i) => Expect(Obj($"b3-{i}", s => s with { BucketName = "b" + Base36(i, 2) }), ReadyReasons.Available)),
        new("bucket-name-63-chars", (r, i) => Expect(Obj($"b63-{i}", s => s with { BucketName = Pad($"b63-{i}-", 63, r) }), ReadyReasons.Available)),
        new("unicode-customer-253", (r, i) => Expect(Obj($"uc-{i}", s => s with { Scoped = true, Customer = "c" + Text(r, 252, Unicode) }), ReadyReasons.Available)),
        new("control-chars-customer", (r, i) => Expect(Obj($"cc-{i}", s => s with { Scoped = true, Customer = "c" + Text(r, 40, Controls, Unicode) }), ReadyReasons.Available)),
        new("huge-unicode-annotation", (r, i) => Expect(Annotated(Obj($"ha-{i}"), Text(r, 40_000, Unicode)), ReadyReasons.Available)),
        new("secret-name-253-chars", (r, i) => Expect(Obj($"sn-{i}", s => s with { SecretName = Pad($"sn{i}.", 253, r) }), ReadyReasons.Available)),
        new("retention-days-int-max", (r, i) => Expect(Obj($"rm-{i}", s => s with { ObjectLock = new ObjectLockSpec { Enabled = true, Mode = ObjectLockModes.Governance, RetentionDays = int.MaxValue } }), ReadyReasons.Available)),
        new("token-wrapped-in-whitespace", (r, i) => WithToken(i, Encoding.UTF8.GetBytes($"\r\n\t {SimulatorSeed.Token} \n"), ReadyReasons.Available)),
        new("token-key-253-chars", (r, i) => WithToken(i, Encoding.UTF8.GetBytes(SimulatorSeed.Token), ReadyReasons.Available, key: Pad("k.", 253, r))),

        // Valid to the schema of a server without CEL (1.20), invalid to the operator: InvalidSpec, no API call.
        new("name-64-chars-not-a-bucket-name", (r, i) => Expect(Obj(Pad($"n64-{i}-", 64, r)), Rejected, ReadyReasons.InvalidSpec)),
        new("name-253-chars-not-a-bucket-name", (r, i) => Expect(Obj(Pad($"n253-{i}-", 253, r)), Rejected, ReadyReasons.InvalidSpec)),
        new("name-2-chars", (r, i) => Expect(Obj("z" + Base36(i / Kinds!.Length, 1)), Rejected, ReadyReasons.InvalidSpec)),
        new("dotted-name-not-a-bucket-name", (r, i) => Expect(Obj($"dot.{i}.name"), Rejected, ReadyReasons.InvalidSpec)),
        new("long-name-with-valid-bucket-name", (r, i) => Expect(Obj(Pad($"ln-{i}-", 100 + r.Next(154), r), s => s with { BucketName = $"ln-{i}-bucket" }), ReadyReasons.InvalidSpec)),
        new("reserved-bucket-name-prefix", (r, i) => Expect(Obj($"rp-{i}", s => s with { BucketName = $"xn--{i}-reserved" }), ReadyReasons.InvalidSpec)),
        new("scoped-without-customer", (r, i) => Expect(Obj($"sc-{i}", s => s with { Scoped = true }), Rejected, ReadyReasons.InvalidSpec)),
        new("lock-mode-without-enabled", (r, i) => Expect(Obj($"lm-{i}", s => s with { ObjectLock = new ObjectLockSpec { Mode = ObjectLockModes.Governance } }), Rejected, ReadyReasons.InvalidSpec)),
        new("lock-retention-without-mode", (r, i) => Expect(Obj($"lr-{i}", s => s with { ObjectLock = new ObjectLockSpec { Enabled = true, RetentionDays = 1 + r.Next(3650) } }), ReadyReasons.InvalidSpec)),
        new("lock-mode-without-retention", (r, i) => Expect(Obj($"lw-{i}", s => s with { ObjectLock = new ObjectLockSpec { Enabled = true, Mode = ObjectLockModes.Compliance } }), ReadyReasons.InvalidSpec)),
        new("whitespace-project", (r, i) => Expect(Obj($"wp-{i}", s => s with { Project = Text(r, 1 + r.Next(20), [" ", "\t", "\n", "\u2028"]) }), ReadyReasons.InvalidSpec)),

        // Refused by the API: a terminal reason, retried slowly.
        new("unknown-region-32-chars", (r, i) => Expect(Obj($"ur-{i}", s => s with { Region = "Z" + Text(r, 31, Letters) }), ReadyReasons.InvalidRegion)),
        new("unicode-project-253", (r, i) => Expect(Obj($"up-{i}", s => s with { Project = "p" + Text(r, 252, Unicode) }), ReadyReasons.InvalidProject)),
        new("control-chars-project", (r, i) => Expect(Obj($"cp-{i}", s => s with { Project = "p" + Text(r, 30, Controls, Unicode) }), ReadyReasons.InvalidProject)),
        new("high-performance-in-dal", (r, i) => Expect(Obj($"hp-{i}", s => s with { StorageClass = StorageClasses.HighPerformance }), ReadyReasons.LocationUnavailable)),
        new("unknown-token", (r, i) => WithToken(i, Encoding.UTF8.GetBytes("tok-" + Text(r, 40, Letters)), ReadyReasons.Unauthorized)),
        new("team-without-storage", (r, i) => WithToken(i, Encoding.UTF8.GetBytes(SimulatorSeed.NoStorageToken), ReadyReasons.StorageNotEnabled, project: "proj_nostorage")),

        // Tokens that are not tokens: CredentialsMissing before any API call.
        new("token-secret-missing", (r, i) => Expect(Obj($"tm-{i}", s => s with { CredentialsSecretRef = new SecretKeyReference { Name = $"absent-{i}", Key = "token" } }), ReadyReasons.CredentialsMissing)),
        new("token-key-missing", (r, i) => WithToken(i, Encoding.UTF8.GetBytes(SimulatorSeed.Token), ReadyReasons.CredentialsMissing, refKey: "other-key")),
        new("token-empty", (r, i) => WithToken(i, [], ReadyReasons.CredentialsMissing)),
        new("token-inner-whitespace", (r, i) => WithToken(i, Encoding.UTF8.GetBytes($"sim-{Text(r, 8, Letters)} {Text(r, 8, Letters)}"), ReadyReasons.CredentialsMissing)),
        new("token-10kB-garbage", (r, i) => WithToken(i, Encoding.UTF8.GetBytes(Text(r, 10_240, Letters, Unicode)), ReadyReasons.CredentialsMissing)),
        new("token-not-utf8", (r, i) => WithToken(i, [0x73, 0x69, 0x6d, 0xff, 0xfe, (byte)r.Next(0x80, 0xc0), 0xc3, 0x28], ReadyReasons.CredentialsMissing)),
        new("token-non-ascii", (r, i) => WithToken(i, Encoding.UTF8.GetBytes("tök€n-" + Text(r, 20, Letters)), ReadyReasons.CredentialsMissing)),
        new("token-control-chars", (r, i) => WithToken(i, Encoding.UTF8.GetBytes("sim\u0007" + Text(r, 20, Letters) + "\u001b[0m"), ReadyReasons.CredentialsMissing)),

        // Names other objects or Secrets hold.
        new("secret-name-of-a-foreign-secret", (r, i) => ForeignSecretName(i)),
        new("duplicate-bucket-name", (r, i) => SharedBucketName(i)),

        // Refused at admission.
        new("bucket-name-64-chars", (r, i) => Expect(Obj($"r1-{i}", s => s with { BucketName = Pad($"r1-{i}-", 64, r) }), Rejected)),
        new("bucket-name-2-chars", (r, i) => Expect(Obj($"r2-{i}", s => s with { BucketName = "ab" }), Rejected)),
        new("bucket-name-unicode", (r, i) => Expect(Obj($"r3-{i}", s => s with { BucketName = "b" + Text(r, 10, Unicode) + "b" }), Rejected)),
        new("bucket-name-control-chars", (r, i) => Expect(Obj($"r4-{i}", s => s with { BucketName = "b" + Text(r, 5, Controls) + "b" }), Rejected)),
        new("region-33-chars", (r, i) => Expect(Obj($"r5-{i}", s => s with { Region = "Z" + Text(r, 32, Letters) }), Rejected)),
        new("region-unicode", (r, i) => Expect(Obj($"r6-{i}", s => s with { Region = "D" + Text(r, 5, Unicode) }), Rejected)),
        new("region-empty", (r, i) => Expect(Obj($"r7-{i}", s => s with { Region = "" }), Rejected)),
        new("storage-class-unknown", (r, i) => Expect(Obj($"r8-{i}", s => s with { StorageClass = "glacier" }), Rejected)),
        new("deletion-policy-unknown", (r, i) => Expect(Obj($"r9-{i}", s => s with { DeletionPolicy = "Orphan" }), Rejected)),
        new("lock-mode-unknown", (r, i) => Expect(Obj($"r10-{i}", s => s with { ObjectLock = new ObjectLockSpec { Enabled = true, Mode = "FOREVER", RetentionDays = 1 } }), Rejected)),
        new("retention-days-zero-or-negative", (r, i) => Expect(Obj($"r11-{i}", s => s with { ObjectLock = new ObjectLockSpec { Enabled = true, Mode = ObjectLockModes.Governance, RetentionDays = -r.Next(2) } }), Rejected)),
        new("project-254-chars", (r, i) => Expect(Obj($"r12-{i}", s => s with { Project = "p" + Text(r, 253, Unicode) }), Rejected)),
        new("customer-254-chars", (r, i) => Expect(Obj($"r13-{i}", s => s with { Scoped = true, Customer = "c" + Text(r, 253, Unicode) }), Rejected)),
        new("secret-name-invalid", (r, i) => Expect(Obj($"r14-{i}", s => s with { SecretName = $"Secret_{i}" }), Rejected)),
        new("credentials-ref-key-invalid", (r, i) => Expect(Obj($"r15-{i}", s => s with { CredentialsSecretRef = new SecretKeyReference { Name = $"tok-{i}", Key = "../token" } }), Rejected)),
        new("metadata-name-invalid", (r, i) => Expect(Obj($"R16-{i}_" + Text(r, 3, Unicode)), Rejected)),
        new("metadata-name-254-chars", (r, i) => Expect(Obj(Pad($"r17-{i}-", 254, r)), Rejected)),
        new("annotations-over-256KiB", (r, i) => Expect(Annotated(Obj($"r18-{i}"), new string('x', 300_000)), Rejected)),
    ];

    /// <summary>How many kinds there are: a run of at least this many cases has every kind.</summary>
    public static int KindCount => Kinds.Length;

    /// <summary><paramref name="count"/> cases, kinds in turn, their contents drawn from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<Case> Generate(int count, int seed, string @namespace)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => Kinds[i % Kinds.Length].Make(random, i) with { Kind = Kinds[i % Kinds.Length].Name })
            .Select(c => c with
            {
                Objects = [.. c.Objects.Select(o => o with { Bucket = o.Bucket with { Metadata = o.Bucket.Metadata with { NamespaceProperty = @namespace } } })],
                Secrets = [.. c.Secrets.Select(s => s with { Metadata = s.Metadata with { NamespaceProperty = @namespace } })],
            })
            .ToList();
    }

    private static Case Expect(ObjectBucket bucket, params string[] expected) => new([new Object(bucket, [.. expected])], [], []);

    /// <summary>Two objects asking for one bucket name: one gets it, the other is told BucketNameConflict.</summary>
    private static Case SharedBucketName(int i)
    {
        string[] either = [ReadyReasons.Available, ReadyReasons.BucketNameConflict];
        Object Claimant(string name) => new(Obj(name, s => s with { BucketName = $"dup-{i}" }), either);
        return new Case([Claimant($"dupa-{i}"), Claimant($"dupb-{i}")], [], []) { SharedBucketName = true };
    }

    private static ObjectBucket Obj(string name, Func<ObjectBucketSpec, ObjectBucketSpec>? spec = null)
    {
        var initial = new ObjectBucketSpec { Region = "DAL" };
        return new ObjectBucket { Metadata = new V1ObjectMeta { Name = name }, Spec = spec?.Invoke(initial) ?? initial };
    }

    private static ObjectBucket Annotated(ObjectBucket bucket, string value) =>
        bucket with { Metadata = bucket.Metadata with { Annotations = new Dictionary<string, string> { ["example.com/hostile"] = value } } };

    /// <summary>An object whose credentialsSecretRef names a Secret holding <paramref name="token"/> (under <paramref name="key"/>).</summary>
    private static Case WithToken(int i, byte[] token, string expected, string key = "token", string? refKey = null, string? project = null)
    {
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = $"tok-{i}" }, Data = new Dictionary<string, byte[]> { [key] = token } };
        var bucket = Obj($"t-{i}", s => s with { Project = project, CredentialsSecretRef = new SecretKeyReference { Name = $"tok-{i}", Key = refKey ?? key } });
        // Short values (empty, a seed token) would match any text: the audit checks the long ones.
        return new Case([new Object(bucket, [expected])], [secret], [.. new[] { Encoding.UTF8.GetString(token).Trim() }.Where(t => t.Length >= 16)]);
    }

    /// <summary>spec.secretName names a Secret the operator did not make: it is never overwritten.</summary>
    private static Case ForeignSecretName(int i)
    {
        var foreign = new V1Secret { Metadata = new V1ObjectMeta { Name = $"foreign-{i}" }, StringData = new Dictionary<string, string> { ["config"] = "precious" } };
        return new Case([new Object(Obj($"fs-{i}", s => s with { SecretName = $"foreign-{i}" }), [ReadyReasons.SecretConflict])], [foreign], []);
    }

    /// <summary><paramref name="prefix"/> then random letters and digits up to exactly <paramref name="length"/> characters, ending in a letter.</summary>
    private static string Pad(string prefix, int length, Random random) =>
        prefix + Text(random, length - prefix.Length - 1, Letters) + "z";

    /// <summary>The last <paramref name="width"/> base-36 digits of <paramref name="value"/>: distinct values below 36^width give distinct text.</summary>
    private static string Base36(int value, int width)
    {
        var digits = new char[width];
        for (var position = width - 1; position >= 0; position--, value /= 36)
        {
            digits[position] = Alphanumeric[value % 36];
        }

        return new string(digits);
    }

    /// <summary><paramref name="runes"/> code points, each drawn from the union of <paramref name="sets"/>.</summary>
    private static string Text(Random random, int runes, params string[][] sets)
    {
        var pool = sets.SelectMany(set => set).ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < runes; i++)
        {
            text.Append(pool[random.Next(pool.Length)]);
        }

        return text.ToString();
    }

    /// <summary>One kind of abuse: makes a case from the shared random source and the case's index (for unique names).</summary>
    private sealed record Kind(string Name, Func<Random, int, Case> Make);

    /// <summary>One ObjectBucket and the outcomes acceptable for it.</summary>
    internal sealed record Object(ObjectBucket Bucket, IReadOnlyList<string> Expected)
    {
        public string Name => Bucket.Metadata.Name!;
    }

    /// <summary>A kind's objects, the Secrets they refer to (created first), and the token values it put in Secrets (secrets to audit).</summary>
    internal sealed record Case(IReadOnlyList<Object> Objects, IReadOnlyList<V1Secret> Secrets, IReadOnlyList<string> Tokens)
    {
        public string Kind { get; init; } = "";

        /// <summary>Its objects ask for one bucket name: exactly one of them may get it.</summary>
        public bool SharedBucketName { get; init; }
    }
}
