/* printf/snprintf of doubles and floats: %f %F %e %E %g %G %a %A with widths, precisions
   and flags, over values from subnormals to DBL_MAX, exact halfway cases, infinities and
   NaNs (only explicitly signed NaNs: the sign of a computed NaN differs between CPUs). */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

double dvalues[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.3, 1.0 / 3.0, 2.0 / 3.0, 3.14159265358979323846, 2.718281828459045,
    100.0, 1e10, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 1e100, 1e300, 1e-5, 1e-10, 1e-100, 1e-300, 123456789.125,
    0.125, 0.375, 2.5, 3.5, -2.5, 0.05, 0.15, 0.25, 0.35, 9.995, 99.5, 999999.5, 1234.5678, 6.02214076e23,
    1.602176634e-19, DBL_MAX, -DBL_MAX, DBL_MIN, DBL_EPSILON, 4.9406564584124654e-324, 2.2250738585072009e-308,
    9007199254740993.0, 4503599627370496.5, 0.1 + 0.2, 1.0 - 1e-16,
};
float fvalues[] = {0.0f, 1.0f, -1.5f, 0.1f, 1.0f / 3.0f, 3.14159265f, 16777216.0f, 16777217.0f, 1e-10f, 1e30f,
                   FLT_MAX, FLT_MIN, FLT_EPSILON, 1.4e-45f, 0.333333343f, 65504.0f, -0.0f};

int main(void) {
    static const char *formats[] = {
        "%f", "%.0f", "%.1f", "%.2f", "%.10f", "%.20f", "%15.3f", "%-15.3f|", "%+f", "% f", "%015.4f", "%#.0f",
        "%e", "%.0e", "%.3e", "%.16e", "%E", "%+.2e", "%#.0e", "%20.10e", "%-20.5e|",
        "%g", "%.0g", "%.1g", "%.3g", "%.10g", "%.17g", "%#g", "%G", "%+g", "%015g", "%#.3g",
        "%a", "%A", "%.0a", "%.3a", "%.13a", "%20a", "%-25a|", "%#a", "%+a", "%F", "%.30g",
    };
    char out[512];
    for (size_t v = 0; v < sizeof dvalues / sizeof dvalues[0]; v++) {
        printf("double %.17g:\n", dvalues[v]);
        for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
            int n = snprintf(out, sizeof out, formats[f], dvalues[v]);
            printf("  %-9s %3d [%s]\n", formats[f], n, out);
        }
    }
    for (size_t v = 0; v < sizeof fvalues / sizeof fvalues[0]; v++) {
        float x = fvalues[v];
        printf("float %.9g: %f %e %g %a %.8e %.9g %.3f\n", x, x, x, x, x, x, x, x);
    }
    /* Specials, spelled explicitly. */
    double specials[] = {INFINITY, -INFINITY, NAN, -NAN};
    for (int i = 0; i < 4; i++)
        printf("special: [%f] [%e] [%g] [%a] [%F] [%E] [%G] [%A] [%10f] [%-10f] [%+f] [%010f]\n", specials[i],
               specials[i], specials[i], specials[i], specials[i], specials[i], specials[i], specials[i],
               specials[i], specials[i], specials[i], specials[i]);
    /* Powers of two and ten, both directions: exercises the big-number conversion. */
    double p = 1.0;
    for (int i = 0; i < 1100; i += 37) {
        printf("2^%d = %.17g = %a; 2^-%d = %.17g\n", i, ldexp(p, i), ldexp(p, i), i, ldexp(p, -i));
    }
    double t = 1.0;
    for (int i = 0; i <= 308; i += 11, t *= 1e11) printf("1e%d: %.20e %.0f\n", i, t, i <= 66 ? t : 0.0);
    /* Star width/precision with doubles. */
    for (int w = 0; w < 20; w += 6)
        for (int pr = 0; pr < 18; pr += 5) printf("star %d.%d [%*.*f] [%*.*e] [%*.*g]\n", w, pr, w, pr, 1.0 / 7.0, w,
                                                  pr, 1e-7 / 3.0, w, pr, 123456.789);
    /* Rounding of the last printed digit: round-half-even on the exact binary value. */
    for (int i = 0; i < 40; i++) {
        double x = i + 0.5, y = i / 8.0, z = i * 0.005;
        printf("round %d: %.0f %.2f %.1f %.2f %.3e\n", i, x, y, y, z, z);
    }
    return 0;
}
