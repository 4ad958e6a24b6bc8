using BucketOperator.Latitude.Simulator.S3;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.Latitude.Simulator.Api;

internal static class KeyPairs
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Secret = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";

    /// <summary>A fresh AWS-style key pair, registered with the S3 server so it works there, and recorded as issued.</summary>
    public static async Task<(string AccessKey, string SecretKey)> IssueAsync(IS3Backend s3, SimulatorState state, CancellationToken cancellationToken)
    {
        var pair = ("AKIA" + SimulatorState.RandomText(Upper, 16), SimulatorState.RandomText(Secret, 40));
        state.RecordIssuedSecret(pair.Item2);
        await s3.RegisterKeyAsync(pair.Item1, pair.Item2, cancellationToken);
        return pair;
    }
}
