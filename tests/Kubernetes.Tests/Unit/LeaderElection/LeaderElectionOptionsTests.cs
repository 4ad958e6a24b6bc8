using BucketOperator.Kubernetes.LeaderElection;
using BucketOperator.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace BucketOperator.Kubernetes.Tests.Unit.LeaderElection;

public sealed class LeaderElectionOptionsTests
{
    private static readonly LeaderElectionOptions Valid = new() { LeaseName = "lock", LeaseNamespace = "system" };

    public static TheoryData<string, LeaderElectionOptions, string> Invalid => new()
    {
        { "lease equal to renew deadline", Timings(10, 10, 2), "LeaseDuration" },
        { "lease shorter than renew deadline", Timings(5, 10, 2), "LeaseDuration" },
        { "lease zero", Timings(0, 10, 2), "LeaseDuration" },
        { "renew deadline exactly 1.2 × retry", Timings(15, 2.4, 2), "RenewDeadline" },
        { "renew deadline below retry", Timings(15, 1.5, 2), "RenewDeadline" },
        { "renew deadline not above the 1 s call timeout", Timings(3, 1, 0.5), "RenewDeadline" },
        { "retry zero", Timings(15, 10, 0), "RetryPeriod" },
        { "retry negative", Timings(15, 10, -1), "RetryPeriod" },
        { "no lease name", Valid with { LeaseName = "" }, "LeaseName" },
        { "no namespace", Valid with { LeaseNamespace = " " }, "LeaseNamespace" },
        { "no identity", Valid with { Identity = "" }, "Identity" },
    };

    [Fact]
    public void Defaults_AreClientGoTimingsAndHostnameGuidIdentity()
    {
        Valid.Validate();

        Assert.Equal(TimeSpan.FromSeconds(15), Valid.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(10), Valid.RenewDeadline);
        Assert.Equal(TimeSpan.FromSeconds(2), Valid.RetryPeriod);
        Assert.True(Valid.ReleaseOnCancel);
        var (host, id) = (Valid.Identity[..Valid.Identity.LastIndexOf('_')], Valid.Identity[(Valid.Identity.LastIndexOf('_') + 1)..]);
        Assert.Equal(Environment.MachineName, host);
        Assert.True(Guid.TryParse(id, out _), Valid.Identity);
        Assert.NotEqual(Valid.Identity, new LeaderElectionOptions { LeaseName = "lock", LeaseNamespace = "system" }.Identity);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidSetting_ThrowsNamingIt(string situation, LeaderElectionOptions options, string setting)
    {
        var e = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith($"Invalid leader election options: {setting} ", e.Message, StringComparison.Ordinal);
        Assert.NotEmpty(situation);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LeaderElector(
            new InMemoryLeaseClient(TimeProvider.System), Timings(10, 10, 2), new FakeTimeProvider(), NullLogger<LeaderElector>.Instance));
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(3, 1.5)]
    [InlineData(2, 1)]
    [InlineData(1.5, 1)]
    public void CallTimeout_IsHalfTheRenewDeadlineAtLeastOneSecond_AndShorterThanTheDeadline(double renewSeconds, double expectedSeconds)
    {
        var options = Timings(30, renewSeconds, 0.5);
        options.Validate();

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.CallTimeout);
        Assert.True(options.CallTimeout < options.RenewDeadline);
    }

    private static LeaderElectionOptions Timings(double lease, double renew, double retry) => Valid with
    {
        LeaseDuration = TimeSpan.FromSeconds(lease),
        RenewDeadline = TimeSpan.FromSeconds(renew),
        RetryPeriod = TimeSpan.FromSeconds(retry),
    };
}
