using BucketOperator.Kubernetes.Events;

namespace BucketOperator.Kubernetes.Tests.Unit.Helpers;

public sealed class EventIdentityTests
{
    [Fact]
    public void Name_SameParts_IsStable_AndAnyPartChangesIt()
    {
        var name = EventIdentity.Name("bucket", "uid", "Normal", "Created", "message");

        Assert.Equal(name, EventIdentity.Name("bucket", "uid", "Normal", "Created", "message"));
        Assert.Matches("^bucket\\.[0-9a-f]{16}$", name);
        Assert.NotEqual(name, EventIdentity.Name("bucket", "uid", "Warning", "Created", "message"));
        Assert.NotEqual(name, EventIdentity.Name("bucket", "uid", "Normal", "Created", "message!"));
        Assert.NotEqual(EventIdentity.Name("b", "ab", "c"), EventIdentity.Name("b", "a", "bc"));
    }

    [Fact]
    public void Name_LongInvolvedName_IsCutTo253Characters()
    {
        var name = EventIdentity.Name(new string('a', 253), "uid");

        Assert.Equal(253, name.Length);
        Assert.Matches("^a+\\.[0-9a-f]{16}$", name);
    }

    [Fact]
    public void Truncate_ShortMessage_IsUnchanged() =>
        Assert.Equal("short", EventIdentity.Truncate("short"));

    [Fact]
    public void Truncate_MultiByteCharacters_CutsWithinTheLimitOnACharacterBoundary()
    {
        // "é" is two bytes and the emoji four: 1023 ASCII bytes leave no room for either.
        var message = new string('x', 1023) + "é" + "🪣";

        var cut = EventIdentity.Truncate(message);

        Assert.Equal(new string('x', 1023), cut);
        Assert.Equal(new string('x', 1022) + "é", EventIdentity.Truncate(new string('x', 1022) + "é🪣"));
        Assert.Equal(1024, System.Text.Encoding.UTF8.GetByteCount(EventIdentity.Truncate(new string('y', 5000))));
    }
}
