using System.Reflection;
using Google.Protobuf.Reflection;

namespace CapacityHub.Rpc.Tests.CodeGen;

/// <summary>
/// Every service declared in a compiled .proto must have generated C# whose methods match it, so a proto
/// change that codegen did not pick up fails here.
/// </summary>
public sealed class GeneratedServicesMatchProtosTests
{
    public static TheoryData<string> Assemblies() =>
    [
        typeof(Grpc.Health.V1.Health).Assembly.GetName().Name!,
        typeof(Generated.EchoService).Assembly.GetName().Name!,
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void EveryProtoServiceHasAGeneratedBaseAndClientWithMatchingMethods(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var services = ServicesIn(assembly).ToList();
        Assert.NotEmpty(services);

        foreach (var (service, ns) in services)
        {
            var holder = assembly.GetType($"{ns}.{service.Name}");
            Assert.True(holder is not null, $"No generated class for {service.FullName}");
            Assert.Equal(service.FullName, holder!.GetField("ServiceName")!.GetRawConstantValue());
            var descriptor = (ServiceDescriptor)holder.GetProperty("Descriptor")!.GetValue(null)!;
            Assert.Equal(service.FullName, descriptor.FullName);

            var serverBase = holder.GetNestedType(service.Name + "Base")!;
            var client = holder.GetNestedType(service.Name + "Client")!;
            Assert.True(serverBase is { IsAbstract: true }, $"{service.FullName} has no abstract base");
            Assert.NotNull(client);

            var baseMethods = serverBase.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => m.Name).Order(StringComparer.Ordinal);
            Assert.Equal(service.Methods.Select(m => m.Name).Order(StringComparer.Ordinal), baseMethods);

            foreach (var method in service.Methods)
            {
                AssertServerMethod(serverBase, method);
                var clientName = method.IsClientStreaming || method.IsServerStreaming ? method.Name : method.Name + "Async";
                Assert.True(client.GetMethod(clientName) is not null, $"{service.FullName}Client lacks {clientName}");
                var definition = (IMethod)holder.GetField(method.Name + "Method")!.GetValue(null)!;
                Assert.Equal($"/{service.FullName}/{method.Name}", definition.FullName);
            }
        }
    }

    private static void AssertServerMethod(Type serverBase, MethodDescriptor method)
    {
        var info = serverBase.GetMethod(method.Name)!;
        Assert.True(info.IsVirtual, $"{method.FullName} is not overridable");
        var parameters = info.GetParameters().Select(p => p.ParameterType).ToList();
        var request = method.InputType.ClrType;
        var response = method.OutputType.ClrType;
        Type[] expected = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => [request, typeof(ServerCallContext)],
            (false, true) => [request, typeof(IServerStreamWriter<>).MakeGenericType(response), typeof(ServerCallContext)],
            (true, false) => [typeof(IAsyncStreamReader<>).MakeGenericType(request), typeof(ServerCallContext)],
            _ => [typeof(IAsyncStreamReader<>).MakeGenericType(request), typeof(IServerStreamWriter<>).MakeGenericType(response), typeof(ServerCallContext)],
        };
        Assert.Equal(expected, parameters);
        var expectedReturn = method.IsServerStreaming ? typeof(Task) : typeof(Task<>).MakeGenericType(response);
        Assert.Equal(expectedReturn, info.ReturnType);
    }

    /// <summary>Services of every file compiled into the assembly, found through protoc's XxxReflection classes.</summary>
    private static IEnumerable<(ServiceDescriptor Service, string Namespace)> ServicesIn(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            var property = type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static);
            if (!type.Name.EndsWith("Reflection", StringComparison.Ordinal) || property?.PropertyType != typeof(FileDescriptor))
            {
                continue;
            }

            var file = (FileDescriptor)property.GetValue(null)!;
            foreach (var service in file.Services)
            {
                yield return (service, type.Namespace!);
            }
        }
    }
}
