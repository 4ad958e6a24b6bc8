using BucketOperator.Operator.Configuration;
using BucketOperator.Operator.Reconciliation;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.Unit;

public sealed class OperatorTokenTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("operator-token-").FullName;
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ContentChangedWithTheSameModificationTime_IsReadAfterTheRereadPeriod()
    {
        var path = Path.Combine(_directory, "token");
        File.WriteAllText(path, "first-token\n");
        var written = File.GetLastWriteTimeUtc(path);
        var token = new OperatorToken(new OperatorOptions { LatitudeTokenFile = path }, _time);
        Assert.Equal("first-token", token.Current());

        File.WriteAllText(path, "second-token");
        File.SetLastWriteTimeUtc(path, written);

        Assert.Equal("first-token", token.Current());
        _time.Advance(OperatorToken.RereadAfter);
        Assert.Equal("second-token", token.Current());
    }

    [Fact]
    public void MissingOrEmptyFile_IsNoToken()
    {
        var path = Path.Combine(_directory, "token");
        var token = new OperatorToken(new OperatorOptions { LatitudeTokenFile = path }, _time);
        Assert.Null(token.Current());

        File.WriteAllText(path, "  \n");
        _time.Advance(OperatorToken.RereadAfter);

        Assert.Null(token.Current());
    }
}
