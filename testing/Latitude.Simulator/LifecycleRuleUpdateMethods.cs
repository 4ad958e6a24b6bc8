namespace BucketOperator.Latitude.Simulator;

/// <summary>
/// Which methods the simulator routes for lifecycle-rule updates. The sources disagree (object-storage.md §11.15:
/// PATCH in the newest spec, PUT in the Python SDK's docs); an unrouted one gets ASP.NET Core's bare 405.
/// </summary>
public enum LifecycleRuleUpdateMethods
{
    /// <summary>PATCH and PUT, with the same meaning.</summary>
    PatchAndPut,

    PatchOnly,

    PutOnly,
}
