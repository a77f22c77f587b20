using System.Text;
using Google.Protobuf.Reflection;

namespace CapacityHub.Rpc.CodeGen;

/// <summary>The C# names protoc's C# generator gives to proto files and packages, reproduced exactly.</summary>
public static class CSharpNames
{
    public static string Namespace(FileDescriptorProto file) =>
        file.Options?.HasCsharpNamespace == true
            ? file.Options.CsharpNamespace
            : UnderscoresToPascalCase(file.Package, preservePeriod: true);

    /// <summary>e.g. "grpc/health/v1/health.proto" → "HealthReflection".</summary>
    public static string ReflectionClass(FileDescriptorProto file) => FileNameBase(file) + "Reflection";

    /// <summary>e.g. "grpc/health/v1/health.proto" → "grpc/health/v1/HealthRpc.cs".</summary>
    public static string OutputFileName(FileDescriptorProto file)
    {
        var slash = file.Name.LastIndexOf('/');
        var directory = slash >= 0 ? file.Name[..(slash + 1)] : string.Empty;
        return directory + FileNameBase(file) + "Rpc.cs";
    }

    private static string FileNameBase(FileDescriptorProto file)
    {
        var name = file.Name;
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        if (name.EndsWith(".proto", StringComparison.Ordinal))
        {
            name = name[..^".proto".Length];
        }

        return UnderscoresToPascalCase(name, preservePeriod: false);
    }

    /// <summary>
    /// protoc's UnderscoresToCamelCase with the first letter capitalised: any non-alphanumeric
    /// character (and any digit) starts a new word; periods are kept when asked.
    /// </summary>
    public static string UnderscoresToPascalCase(string input, bool preservePeriod)
    {
        var result = new StringBuilder(input.Length);
        var capitalizeNext = true;
        foreach (var c in input)
        {
            if (c is >= 'a' and <= 'z')
            {
                result.Append(capitalizeNext ? char.ToUpperInvariant(c) : c);
                capitalizeNext = false;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                result.Append(c);
                capitalizeNext = false;
            }
            else if (c is >= '0' and <= '9')
            {
                result.Append(c);
                capitalizeNext = true;
            }
            else
            {
                capitalizeNext = true;
                if (c == '.' && preservePeriod)
                {
                    result.Append('.');
                }
            }
        }

        return result.ToString();
    }
}
