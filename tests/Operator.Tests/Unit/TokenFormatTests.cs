using BucketOperator.Operator.Configuration;

namespace BucketOperator.Operator.Tests.Unit;

public sealed class TokenFormatTests
{
    [Theory]
    [InlineData("sim-token", true)]
    [InlineData("Bearer", true)]
    [InlineData("", false)]
    [InlineData("sim token", false)]
    [InlineData("sim\u0007token", false)]
    [InlineData("tök€n", false)]
    [InlineData("token\u00a0x", false)]
    public void IsWellFormed_OnlyPrintableAsciiWithoutSpaces(string token, bool wellFormed) =>
        Assert.Equal(wellFormed, TokenFormat.IsWellFormed(token));

    [Fact]
    public void IsWellFormed_OverTheMaximumLength_False() =>
        Assert.False(TokenFormat.IsWellFormed(new string('t', TokenFormat.MaxLength + 1)));
}
