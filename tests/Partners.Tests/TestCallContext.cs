using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.TestSupport;

namespace CapacityHub.Partners.Tests;

/// <summary>A direct call's context, with the caller the interceptor would have set: an administrator unless a test names someone else.</summary>
internal sealed class TestCallContext(string method = "/test", CallerIdentity? caller = null)
    : FakeServerCallContext(method, caller ?? TestCallers.Administrator)
{
    public TestCallContext(CallerIdentity caller)
        : this("/test", caller)
    {
    }
}
