namespace BucketOperator.Latitude.Simulator;

/// <summary>
/// What a second access key with a name already in use (after normalisation) gets: the sources disagree
/// (object-storage.md §11.6), so tests can face either answer.
/// </summary>
public enum DuplicateKeyNames
{
    /// <summary>409, as the Terraform provider observed (the body is the simulator's guess).</summary>
    Conflict,

    /// <summary>201 with a second credential for the same user; deleting the user revokes both.</summary>
    CreateSecond,
}
