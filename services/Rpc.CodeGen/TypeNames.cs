using Google.Protobuf.Reflection;

namespace CapacityHub.Rpc.CodeGen;

/// <summary>Maps fully qualified proto message names (".pkg.Outer.Inner") to C# type names.</summary>
public sealed class TypeNames
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public TypeNames(IEnumerable<FileDescriptorProto> files)
    {
        foreach (var file in files)
        {
            var protoPrefix = string.IsNullOrEmpty(file.Package) ? "." : "." + file.Package + ".";
            var csharpPrefix = "global::" + CSharpNames.Namespace(file);
            if (!csharpPrefix.EndsWith("::", StringComparison.Ordinal))
            {
                csharpPrefix += ".";
            }

            foreach (var message in file.MessageType)
            {
                Add(message, protoPrefix, csharpPrefix);
            }
        }
    }

    public string Of(string protoTypeName) =>
        _names.TryGetValue(protoTypeName, out var name)
            ? name
            : throw new InvalidOperationException($"Message type {protoTypeName} is not defined in any file given to the plugin.");

    private void Add(DescriptorProto message, string protoPrefix, string csharpPrefix)
    {
        var csharpName = csharpPrefix + message.Name;
        _names[protoPrefix + message.Name] = csharpName;
        foreach (var nested in message.NestedType)
        {
            Add(nested, protoPrefix + message.Name + ".", csharpName + ".Types.");
        }
    }
}
