using BucketOperator.Operator.Configuration;

namespace BucketOperator.Operator.Tests.Unit;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("10m", 600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("2h0m0s", 7_200_000)]
    [InlineData(" 45s ", 45_000)]
    public void TryParse_KubernetesDuration_Parses(string text, long milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("m")]
    [InlineData("1x")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1h 30m")]
    [InlineData("-5m")]
    [InlineData("1d")]
    [InlineData("1.h")]
    [InlineData("5m10")]
    [InlineData("1H")]
    [InlineData("99999999999999h")]
    [InlineData("9999999999999999999999999s")]
    public void TryParse_NotADuration_Fails(string text) =>
        Assert.False(Durations.TryParse(text, out _));
}
