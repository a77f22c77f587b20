using CapacityHub.TestSupport;

namespace CapacityHub.Trainings.Tests;

/// <summary>A direct call's context; tests that need a caller set one with SetCaller.</summary>
internal sealed class TestCallContext(string method = "/test") : FakeServerCallContext(method, null);
