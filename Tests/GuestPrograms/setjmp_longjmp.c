/* setjmp/longjmp: a plain jump back, jumps out of deep recursion, nested jump buffers
   (an inner handler rethrowing to an outer one), values 0 (becomes 1) and others, volatile
   locals surviving the jump, and sigsetjmp/siglongjmp. A small exception mechanism built
   on them drives a recursive-descent expression evaluator. */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static jmp_buf top;
static int depth_reached;

static int64_t dive(int depth, int limit, int64_t acc) {
    unsigned char pad[64]; /* make each frame large enough to matter */
    memset(pad, depth & 0xff, sizeof pad);
    acc = acc * 3 + pad[depth % 64] + depth;
    if (depth == limit) { depth_reached = depth; longjmp(top, (int)(acc & 0x7fff) | 1); }
    return depth < limit ? dive(depth + 1, limit, acc) + 1 : 0; /* not a tail call */
}

/* A try/throw stack. */
static jmp_buf *handlers[16];
static int n_handlers;
static const char *error_text;
static void throw_error(const char *text) {
    error_text = text;
    longjmp(*handlers[n_handlers - 1], 1);
}

static const char *in;
static int64_t parse_expr(void);
static int64_t parse_atom(void) {
    while (*in == ' ') in++;
    if (*in == '(') { in++; int64_t v = parse_expr(); while (*in == ' ') in++; if (*in != ')') throw_error("missing )"); in++; return v; }
    if (*in == '-') { in++; return -parse_atom(); }
    if (*in < '0' || *in > '9') throw_error("expected a number");
    int64_t v = 0;
    while (*in >= '0' && *in <= '9') v = v * 10 + (*in++ - '0');
    return v;
}
static int64_t parse_term(void) {
    int64_t v = parse_atom();
    for (;;) {
        while (*in == ' ') in++;
        if (*in == '*') { in++; v *= parse_atom(); }
        else if (*in == '/' || *in == '%') {
            char op = *in++;
            int64_t d = parse_atom();
            if (d == 0) throw_error("division by zero");
            v = op == '/' ? v / d : v % d;
        } else return v;
    }
}
static int64_t parse_expr(void) {
    int64_t v = parse_term();
    for (;;) {
        while (*in == ' ') in++;
        if (*in == '+') { in++; v += parse_term(); }
        else if (*in == '-') { in++; v -= parse_term(); }
        else return v;
    }
}

static void evaluate(const char *text) {
    jmp_buf here;
    handlers[n_handlers++] = &here;
    if (setjmp(here) == 0) {
        in = text;
        int64_t v = parse_expr();
        while (*in == ' ') in++;
        if (*in) throw_error("trailing text");
        printf("eval '%s' = %lld\n", text, (long long)v);
    } else {
        printf("eval '%s' failed: %s at offset %d\n", text, error_text, (int)(in - text));
    }
    n_handlers--;
}

static void inner_rethrow(int level) {
    jmp_buf here;
    handlers[n_handlers++] = &here;
    if (setjmp(here) == 0) {
        if (level == 0) throw_error("bottom");
        inner_rethrow(level - 1);
    } else {
        printf("  caught '%s' at level %d, rethrowing\n", error_text, level);
        n_handlers--;
        throw_error(error_text);
    }
    n_handlers--;
}

int main(void) {
    for (int limit = 0; limit <= 3000; limit += limit < 10 ? 1 : 250) {
        volatile int tries = 0;
        int r = setjmp(top);
        tries++;
        if (r == 0) dive(0, limit, 7);
        else printf("limit %4d: longjmp value %5d depth %d tries %d\n", limit, r, depth_reached, tries);
    }
    /* longjmp(buf, 0) makes setjmp return 1. */
    jmp_buf b;
    volatile int count = 0;
    volatile int64_t big = 1;
    int r = setjmp(b);
    printf("setjmp returned %d count %d big %lld\n", r, count, (long long)big);
    if (count < 4) { count++; big *= 1000003; longjmp(b, count == 2 ? 0 : count * 10); }
    /* Nested handlers. */
    jmp_buf outer;
    handlers[n_handlers++] = &outer;
    if (setjmp(outer) == 0) inner_rethrow(4);
    else printf("outer caught '%s', handlers %d\n", error_text, n_handlers);
    n_handlers = 0;
    static const char *exprs[] = {"1 + 2 * 3", "(1 + 2) * 3", "100 / 7 % 4", "-(3 - 10) * -2", "2 * (3 + (4 * (5 + 6)))",
                                  "1 / 0", "(1 + 2", "12 + x", "7 7", "", "123456789 * 987654321", "((((((42))))))",
                                  "10 - 4 - 3", "-9 % 4", "1 + (2 / (3 - 3))"};
    for (size_t i = 0; i < sizeof exprs / sizeof exprs[0]; i++) evaluate(exprs[i]);
    /* sigsetjmp / siglongjmp, saving the signal mask. */
    sigjmp_buf sb;
    volatile int k = 0;
    if (sigsetjmp(sb, 1) < 3) { k++; siglongjmp(sb, k); }
    printf("sigsetjmp loop ended k %d\n", k);
    /* Floating-point callee-saved registers (d8-d15 on ARM) survive a longjmp. */
    volatile double acc = 0.5;
    double local = 1.25;
    jmp_buf fb;
    if (setjmp(fb) == 0) {
        acc = acc * 3 + local;
        longjmp(fb, 1);
    }
    printf("fp after longjmp %.17g %.17g\n", acc, local);
    return 0;
}
