using SpinDetect.Training.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class QualityVectorsBuilderTests
{
    [Fact]
    public void Leading_eigenvectors_of_a_small_symmetric_matrix()
    {
        // Eigenvalues 5, 2 and 1; the largest belongs to (1, 1, 0) / √2, the next to (0, 0, 1).
        double[] matrix =
        [
            3, 2, 0,
            2, 3, 0,
            0, 0, 2,
        ];
        var vectors = QualityVectorsBuilder.LeadingEigenvectors(matrix, 3, 2);
        Assert.Equal(6, vectors.Length);
        var first = vectors.AsSpan(0, 3).ToArray();
        var second = vectors.AsSpan(3, 3).ToArray();
        Assert.Equal(1 / Math.Sqrt(2), Math.Abs(first[0]), 6);
        Assert.Equal(1 / Math.Sqrt(2), Math.Abs(first[1]), 6);
        Assert.Equal(Math.Sign(first[0]), Math.Sign(first[1]));
        Assert.Equal(0, first[2], 6);
        Assert.Equal(1, Math.Abs(second[2]), 6);
    }
}
