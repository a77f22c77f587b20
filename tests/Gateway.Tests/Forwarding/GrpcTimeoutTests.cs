using CapacityHub.Gateway.Forwarding;

namespace CapacityHub.Gateway.Tests.Forwarding;

/// <summary>The grpc-timeout header as the gateway reads it from a client and writes it for a service.</summary>
public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("2H", 2 * 3600_000_000.0)]
    [InlineData("3M", 3 * 60_000_000.0)]
    [InlineData("20S", 20_000_000.0)]
    [InlineData("1500m", 1_500_000.0)]
    [InlineData("250u", 250.0)]
    [InlineData("99999999n", 99_999.9)]
    public void EveryUnitIsRead(string header, double microseconds)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(microseconds, timeout.TotalMicroseconds, precision: 1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("-5S")]
    [InlineData("+5S")]
    [InlineData("123456789S")]
    [InlineData("1.5S")]
    public void MalformedValuesAreNotTimeouts(string? header) =>
        Assert.False(GrpcTimeout.TryParse(header, out _));

    [Fact]
    public void WrittenInTheFinestUnitThatFitsEightDigitsAndNeverRoundedUp()
    {
        Assert.Equal("19999876u", GrpcTimeout.Format(TimeSpan.FromTicks(199_998_769)));
        Assert.Equal("100000m", GrpcTimeout.Format(TimeSpan.FromSeconds(100)));
        Assert.Equal("3600000m", GrpcTimeout.Format(TimeSpan.FromHours(1)));
        Assert.Equal("8640000S", GrpcTimeout.Format(TimeSpan.FromDays(100)));
        Assert.Equal("0u", GrpcTimeout.Format(TimeSpan.FromMilliseconds(-3)));
    }

    [Theory]
    [InlineData(0.000_250)]
    [InlineData(1.234_567)]
    [InlineData(30)]
    [InlineData(86_400 * 3)]
    public void WhatIsWrittenReadsBackWithinItsUnit(double seconds)
    {
        var timeout = TimeSpan.FromSeconds(seconds);

        Assert.True(GrpcTimeout.TryParse(GrpcTimeout.Format(timeout), out var read));

        Assert.InRange(timeout - read, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }
}
