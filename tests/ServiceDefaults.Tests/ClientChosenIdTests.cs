using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.ServiceDefaults.Tests;

public sealed class ClientChosenIdTests
{
    [Theory]
    [InlineData("etda")]
    [InlineData("a")]
    [InlineData("cyder-2026")]
    public void AWellFormedIdIsKeptWithoutViolations(string chosen)
    {
        var errors = new FieldErrors();

        Assert.Equal(chosen, ClientChosenId.OrNew(errors, "organisation_id", chosen));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("ETDA")]
    [InlineData("2026-cyder")]
    [InlineData("-etda")]
    [InlineData("etda_th")]
    [InlineData("organisations/etda")]
    public void AMalformedIdIsReportedOnTheFieldItCameIn(string chosen)
    {
        var errors = new FieldErrors();

        ClientChosenId.OrNew(errors, "training_id", chosen);

        var violation = Assert.Single(errors.Violations);
        Assert.Equal("training_id", violation.Field);
        Assert.Contains($"\"{chosen}\" is not a valid id", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void SixtyThreeCharactersAreTheLongestId()
    {
        var errors = new FieldErrors();

        ClientChosenId.OrNew(errors, "programme_id", "a" + new string('b', 62));
        Assert.True(errors.IsEmpty);

        ClientChosenId.OrNew(errors, "programme_id", "a" + new string('b', 63));
        Assert.Single(errors.Violations);
    }

    [Fact]
    public void NoIdGetsANewServerIdDifferentEachTime()
    {
        var errors = new FieldErrors();

        var first = ClientChosenId.OrNew(errors, "programme_id", "");
        var second = ClientChosenId.OrNew(errors, "programme_id", "");

        Assert.NotEmpty(first);
        Assert.NotEqual(first, second);
        Assert.True(errors.IsEmpty);
    }
}
