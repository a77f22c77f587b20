using Xunit.Abstractions;
using Xunit.Sdk;

namespace CapacityHub.Storage.Contract;

/// <summary>
/// A contract fact. It runs like [Fact], except in a test class marked
/// <see cref="RequiresEnvironmentAttribute"/> whose variable is unset: there every contract fact is reported
/// as skipped (never as passed), e.g. the MongoDB contract without CAPACITYHUB_TEST_MONGODB_URI.
/// </summary>
[XunitTestCaseDiscoverer("CapacityHub.Storage.Contract.ContractFactDiscoverer", "CapacityHub.Storage.Contract")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ContractFactAttribute : FactAttribute
{
}

/// <summary>A contract theory: like [Theory], skipped row by row under the same rule as <see cref="ContractFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("CapacityHub.Storage.Contract.ContractFactDiscoverer", "CapacityHub.Storage.Contract")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ContractTheoryAttribute : TheoryAttribute
{
}

/// <summary>The backend behind this contract subclass exists only when the environment variable names it.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresEnvironmentAttribute(string variable) : Attribute
{
    public string Variable { get; } = variable;
}

/// <summary>Discovers contract facts; the skip is decided per test class, which a FactAttribute cannot see.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer facts = new(diagnosticMessageSink);
    private readonly TheoryDiscoverer theories = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var requirement = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)).FirstOrDefault();
        var variable = requirement?.GetConstructorArguments().FirstOrDefault() as string;
        var isTheory = testMethod.Method.GetCustomAttributes(typeof(ContractTheoryAttribute)).Any();
        if (variable is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            var reason = $"{variable} is not set; no server for this backend to run the contract against.";

            // One skipped case per InlineData row, so the skipped count equals the count a real run executes.
            var rows = isTheory
                ? testMethod.Method.GetCustomAttributes(typeof(InlineDataAttribute)).Select(d => d.GetConstructorArguments().FirstOrDefault() as object[]).ToList()
                : [null];
            return [.. rows.Select(row => new XunitSkippedDataRowTestCase(
                diagnosticMessageSink,
                discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod,
                reason,
                row))];
        }

        return isTheory
            ? theories.Discover(discoveryOptions, testMethod, factAttribute)
            : facts.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
