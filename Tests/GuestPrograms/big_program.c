/* A large, ordinary program: the kind of broad code that exercises a translator more than any
   unit test. A JSON parser and pretty printer (with error reporting), a backtracking regular
   expression matcher, arbitrary-precision arithmetic (factorials, Fibonacci, powers), a sudoku
   solver, N-queens, a hash-table word count with sorting, and Huffman code lengths. All
   integers are fixed-width, so nothing depends on the size of long. */
#include <ctype.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ======================= JSON ======================= */
enum json_kind { J_NULL, J_FALSE, J_TRUE, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };
struct json {
    enum json_kind kind;
    double number;
    char *string;          /* J_STRING; also the key of an object member */
    struct json **items;   /* J_ARRAY / J_OBJECT */
    char **keys;           /* J_OBJECT */
    int count, capacity;
};
struct parser {
    const char *text;
    size_t pos;
    char error[96];
};

static struct json *json_new(enum json_kind kind) {
    struct json *j = calloc(1, sizeof *j);
    if (!j) abort();
    j->kind = kind;
    return j;
}
static void json_free(struct json *j) {
    if (!j) return;
    for (int i = 0; i < j->count; i++) {
        json_free(j->items[i]);
        if (j->keys) free(j->keys[i]);
    }
    free(j->items);
    free(j->keys);
    free(j->string);
    free(j);
}
static void json_push(struct json *j, char *key, struct json *item) {
    if (j->count == j->capacity) {
        j->capacity = j->capacity ? j->capacity * 2 : 4;
        j->items = realloc(j->items, (size_t)j->capacity * sizeof *j->items);
        if (j->kind == J_OBJECT) j->keys = realloc(j->keys, (size_t)j->capacity * sizeof *j->keys);
        if (!j->items || (j->kind == J_OBJECT && !j->keys)) abort();
    }
    if (j->kind == J_OBJECT) j->keys[j->count] = key;
    j->items[j->count++] = item;
}
static void skip_space(struct parser *p) {
    while (p->text[p->pos] == ' ' || p->text[p->pos] == '\n' || p->text[p->pos] == '\t' || p->text[p->pos] == '\r') p->pos++;
}
static int fail(struct parser *p, const char *what) {
    if (!p->error[0]) snprintf(p->error, sizeof p->error, "%s at offset %zu", what, p->pos);
    return 0;
}
static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
/* Appends the UTF-8 encoding of a code point. */
static size_t put_utf8(char *out, uint32_t cp) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xc0 | cp >> 6); out[1] = (char)(0x80 | (cp & 0x3f)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | cp >> 12); out[1] = (char)(0x80 | ((cp >> 6) & 0x3f)); out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | cp >> 18); out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}
static int parse_hex4(struct parser *p, uint32_t *out) {
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value(p->text[p->pos]);
        if (h < 0) return fail(p, "bad \\u escape");
        v = v << 4 | (uint32_t)h;
        p->pos++;
    }
    *out = v;
    return 1;
}
static char *parse_string(struct parser *p) {
    if (p->text[p->pos] != '"') { fail(p, "expected string"); return NULL; }
    p->pos++;
    size_t cap = 16, len = 0;
    char *s = malloc(cap);
    if (!s) abort();
    for (;;) {
        if (len + 8 > cap) { cap *= 2; s = realloc(s, cap); if (!s) abort(); }
        unsigned char c = (unsigned char)p->text[p->pos];
        if (c == 0) { free(s); fail(p, "unterminated string"); return NULL; }
        if (c < 0x20) { free(s); fail(p, "control character in string"); return NULL; }
        p->pos++;
        if (c == '"') break;
        if (c != '\\') { s[len++] = (char)c; continue; }
        char e = p->text[p->pos++];
        switch (e) {
        case '"': s[len++] = '"'; break;
        case '\\': s[len++] = '\\'; break;
        case '/': s[len++] = '/'; break;
        case 'b': s[len++] = '\b'; break;
        case 'f': s[len++] = '\f'; break;
        case 'n': s[len++] = '\n'; break;
        case 'r': s[len++] = '\r'; break;
        case 't': s[len++] = '\t'; break;
        case 'u': {
            uint32_t cp;
            if (!parse_hex4(p, &cp)) { free(s); return NULL; }
            if (cp >= 0xd800 && cp < 0xdc00) { /* a surrogate pair */
                uint32_t low;
                if (p->text[p->pos] != '\\' || p->text[p->pos + 1] != 'u') { free(s); fail(p, "lone surrogate"); return NULL; }
                p->pos += 2;
                if (!parse_hex4(p, &low)) { free(s); return NULL; }
                if (low < 0xdc00 || low >= 0xe000) { free(s); fail(p, "bad low surrogate"); return NULL; }
                cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
            }
            len += put_utf8(s + len, cp);
            break;
        }
        default: free(s); p->pos--; fail(p, "bad escape"); return NULL;
        }
    }
    s[len] = 0;
    return s;
}
static struct json *parse_value(struct parser *p, int depth);
static struct json *parse_number(struct parser *p) {
    size_t start = p->pos;
    if (p->text[p->pos] == '-') p->pos++;
    if (p->text[p->pos] == '0') p->pos++;
    else if (isdigit((unsigned char)p->text[p->pos])) while (isdigit((unsigned char)p->text[p->pos])) p->pos++;
    else { fail(p, "bad number"); return NULL; }
    if (p->text[p->pos] == '.') {
        p->pos++;
        if (!isdigit((unsigned char)p->text[p->pos])) { fail(p, "digit expected after '.'"); return NULL; }
        while (isdigit((unsigned char)p->text[p->pos])) p->pos++;
    }
    if (p->text[p->pos] == 'e' || p->text[p->pos] == 'E') {
        p->pos++;
        if (p->text[p->pos] == '+' || p->text[p->pos] == '-') p->pos++;
        if (!isdigit((unsigned char)p->text[p->pos])) { fail(p, "digit expected in exponent"); return NULL; }
        while (isdigit((unsigned char)p->text[p->pos])) p->pos++;
    }
    char buf[64];
    size_t n = p->pos - start;
    if (n >= sizeof buf) { fail(p, "number too long"); return NULL; }
    memcpy(buf, p->text + start, n);
    buf[n] = 0;
    struct json *j = json_new(J_NUMBER);
    j->number = strtod(buf, NULL);
    return j;
}
static struct json *parse_value(struct parser *p, int depth) {
    if (depth > 64) { fail(p, "nested too deeply"); return NULL; }
    skip_space(p);
    char c = p->text[p->pos];
    if (c == '{' || c == '[') {
        int object = c == '{';
        struct json *j = json_new(object ? J_OBJECT : J_ARRAY);
        p->pos++;
        skip_space(p);
        if (p->text[p->pos] == (object ? '}' : ']')) { p->pos++; return j; }
        for (;;) {
            char *key = NULL;
            if (object) {
                skip_space(p);
                key = parse_string(p);
                if (!key) { json_free(j); return NULL; }
                skip_space(p);
                if (p->text[p->pos] != ':') { free(key); json_free(j); fail(p, "expected ':'"); return NULL; }
                p->pos++;
            }
            struct json *item = parse_value(p, depth + 1);
            if (!item) { free(key); json_free(j); return NULL; }
            json_push(j, key, item);
            skip_space(p);
            if (p->text[p->pos] == ',') { p->pos++; continue; }
            if (p->text[p->pos] == (object ? '}' : ']')) { p->pos++; return j; }
            json_free(j);
            fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
            return NULL;
        }
    }
    if (c == '"') {
        char *s = parse_string(p);
        if (!s) return NULL;
        struct json *j = json_new(J_STRING);
        j->string = s;
        return j;
    }
    if (c == '-' || isdigit((unsigned char)c)) return parse_number(p);
    static const struct { const char *word; enum json_kind kind; } words[] = {{"true", J_TRUE}, {"false", J_FALSE}, {"null", J_NULL}};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(words[i].word);
        if (strncmp(p->text + p->pos, words[i].word, n) == 0) { p->pos += n; return json_new(words[i].kind); }
    }
    fail(p, "unexpected character");
    return NULL;
}
static struct json *json_parse(const char *text, char *error, size_t error_size) {
    struct parser p = {text, 0, {0}};
    struct json *j = parse_value(&p, 0);
    if (j) {
        skip_space(&p);
        if (p.text[p.pos]) { json_free(j); j = NULL; fail(&p, "trailing characters"); }
    }
    snprintf(error, error_size, "%s", p.error);
    return j;
}
static void print_string(const char *s) {
    putchar('"');
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        switch (*c) {
        case '"': fputs("\\\"", stdout); break;
        case '\\': fputs("\\\\", stdout); break;
        case '\n': fputs("\\n", stdout); break;
        case '\t': fputs("\\t", stdout); break;
        case '\r': fputs("\\r", stdout); break;
        case '\b': fputs("\\b", stdout); break;
        case '\f': fputs("\\f", stdout); break;
        default:
            if (*c < 0x20) printf("\\u%04x", *c);
            else putchar(*c);
        }
    }
    putchar('"');
}
static void json_print(const struct json *j, int indent) {
    switch (j->kind) {
    case J_NULL: fputs("null", stdout); break;
    case J_FALSE: fputs("false", stdout); break;
    case J_TRUE: fputs("true", stdout); break;
    case J_NUMBER:
        if (j->number == (double)(int64_t)j->number && j->number > -1e15 && j->number < 1e15) printf("%" PRId64, (int64_t)j->number);
        else printf("%.17g", j->number);
        break;
    case J_STRING: print_string(j->string); break;
    case J_ARRAY:
    case J_OBJECT: {
        int object = j->kind == J_OBJECT;
        if (j->count == 0) { fputs(object ? "{}" : "[]", stdout); break; }
        puts(object ? "{" : "[");
        for (int i = 0; i < j->count; i++) {
            printf("%*s", indent + 2, "");
            if (object) { print_string(j->keys[i]); fputs(": ", stdout); }
            json_print(j->items[i], indent + 2);
            puts(i + 1 < j->count ? "," : "");
        }
        printf("%*s%c", indent, "", object ? '}' : ']');
        break;
    }
    }
}
/* Sums every number and counts every kind, depth first. */
static void json_stats(const struct json *j, double *sum, int counts[7], int depth, int *max_depth) {
    counts[j->kind]++;
    if (depth > *max_depth) *max_depth = depth;
    if (j->kind == J_NUMBER) *sum += j->number;
    for (int i = 0; i < j->count; i++) json_stats(j->items[i], sum, counts, depth + 1, max_depth);
}

static void json_section(void) {
    static const char document[] =
        "{\"name\": \"mirage\", \"version\": [0, 1, 2], \"stable\": false, \"parent\": null,\n"
        " \"numbers\": [0, -0, 1.5, -2.25e3, 6.02214076e23, 1e-7, 123456789012, 0.1, 3.0E+2, -1E-2],\n"
        " \"text\": \"line\\nbreak \\\"quoted\\\" tab\\t back\\\\slash \\u00e9\\u4e2d\\ud83d\\ude00 \\u0001\",\n"
        " \"nested\": {\"a\": {\"b\": {\"c\": [[], {}, [[[1]]], {\"d\": true}]}}},\n"
        " \"empty\": \"\", \"unicode key \\u00fc\": [true, false, null]}";
    char error[128];
    struct json *j = json_parse(document, error, sizeof error);
    if (!j) { printf("json: unexpected error: %s\n", error); return; }
    json_print(j, 0);
    putchar('\n');
    double sum = 0;
    int counts[7] = {0}, depth = 0;
    json_stats(j, &sum, counts, 0, &depth);
    printf("json stats: sum %.17g null %d false %d true %d number %d string %d array %d object %d depth %d\n", sum,
           counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], depth);
    json_free(j);
    static const char *const bad[] = {"", "[1, 2", "{\"a\" 1}", "[01]", "[1.]", "\"abc", "[\"\\x\"]", "{\"a\":1,}",
                                      "[1] 2", "tru", "[\"\\ud800\"]", "-", "[1e]", "{\"k\":\"v\"", "\"\\u12g4\""};
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        j = json_parse(bad[i], error, sizeof error);
        printf("json %-16s -> %s\n", bad[i], j ? "parsed?!" : error);
        json_free(j);
    }
    /* A generated document: deep and wide. */
    size_t cap = 1 << 16, len = 0;
    char *big = malloc(cap);
    if (!big) abort();
    for (int i = 0; i < 40; i++) len += (size_t)snprintf(big + len, cap - len, "[");
    for (int i = 0; i < 500; i++) len += (size_t)snprintf(big + len, cap - len, "%s{\"k%d\": %d.%d}", i ? "," : "", i, i * 7, i % 10);
    for (int i = 0; i < 40; i++) len += (size_t)snprintf(big + len, cap - len, "]");
    j = json_parse(big, error, sizeof error);
    sum = 0;
    memset(counts, 0, sizeof counts);
    depth = 0;
    if (j) json_stats(j, &sum, counts, 0, &depth);
    printf("generated json: %s, sum %.17g, objects %d, depth %d\n", j ? "ok" : error, sum, counts[J_OBJECT], depth);
    json_free(j);
    free(big);
}

/* ======================= Regular expressions ======================= */
/* Syntax: literals, '.', [set] with ranges and ^, '*', '+', '?', '^', '$', '|', '(...)', and
   '\' escapes. Compiled to a tree; matched by backtracking with continuations. */
enum node_kind { N_CHAR, N_ANY, N_SET, N_BOL, N_EOL, N_CAT, N_ALT, N_STAR, N_PLUS, N_QUEST, N_EMPTY };
struct node {
    enum node_kind kind;
    unsigned char c;
    unsigned char set[32];
    struct node *a, *b;
};
struct regex_parser {
    const char *s;
    int pos;
    int error;
    struct node pool[512];
    int used;
};
static struct node *node_new(struct regex_parser *r, enum node_kind kind) {
    if (r->used == 512) { r->error = 1; return &r->pool[0]; }
    struct node *n = &r->pool[r->used++];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    return n;
}
static struct node *parse_alt(struct regex_parser *r);
static struct node *parse_atom(struct regex_parser *r) {
    char c = r->s[r->pos];
    if (c == '(') {
        r->pos++;
        struct node *n = parse_alt(r);
        if (r->s[r->pos] != ')') r->error = 1;
        else r->pos++;
        return n;
    }
    if (c == '.') { r->pos++; return node_new(r, N_ANY); }
    if (c == '^') { r->pos++; return node_new(r, N_BOL); }
    if (c == '$') { r->pos++; return node_new(r, N_EOL); }
    if (c == '[') {
        struct node *n = node_new(r, N_SET);
        r->pos++;
        int negate = r->s[r->pos] == '^';
        if (negate) r->pos++;
        int first = 1;
        while (r->s[r->pos] && (first || r->s[r->pos] != ']')) {
            unsigned char lo = (unsigned char)r->s[r->pos++], hi = lo;
            if (r->s[r->pos] == '-' && r->s[r->pos + 1] && r->s[r->pos + 1] != ']') {
                hi = (unsigned char)r->s[r->pos + 1];
                r->pos += 2;
            }
            for (unsigned v = lo; v <= hi; v++) n->set[v >> 3] |= (unsigned char)(1 << (v & 7));
            first = 0;
        }
        if (r->s[r->pos] != ']') r->error = 1;
        else r->pos++;
        if (negate) for (int i = 0; i < 32; i++) n->set[i] = (unsigned char)~n->set[i];
        return n;
    }
    if (c == '\\' && r->s[r->pos + 1]) r->pos++;
    else if (c == 0 || c == ')' || c == '|' || c == '*' || c == '+' || c == '?') { r->error = 1; return node_new(r, N_EMPTY); }
    struct node *n = node_new(r, N_CHAR);
    n->c = (unsigned char)r->s[r->pos++];
    return n;
}
static struct node *parse_repeat(struct regex_parser *r) {
    struct node *n = parse_atom(r);
    while (r->s[r->pos] == '*' || r->s[r->pos] == '+' || r->s[r->pos] == '?') {
        char op = r->s[r->pos++];
        struct node *m = node_new(r, op == '*' ? N_STAR : op == '+' ? N_PLUS : N_QUEST);
        m->a = n;
        n = m;
    }
    return n;
}
static struct node *parse_cat(struct regex_parser *r) {
    struct node *n = node_new(r, N_EMPTY);
    while (r->s[r->pos] && r->s[r->pos] != '|' && r->s[r->pos] != ')') {
        struct node *m = node_new(r, N_CAT);
        m->a = n;
        m->b = parse_repeat(r);
        n = m;
    }
    return n;
}
static struct node *parse_alt(struct regex_parser *r) {
    struct node *n = parse_cat(r);
    while (r->s[r->pos] == '|') {
        r->pos++;
        struct node *m = node_new(r, N_ALT);
        m->a = n;
        m->b = parse_cat(r);
        n = m;
    }
    return n;
}

/* Continuation-passing matcher: match node n at position i, then call k. */
struct cont {
    struct node *n;
    const struct cont *next;
    int guard; /* >= 0: a repetition that started here must have consumed something */
};
struct match_state {
    const char *text;
    int steps;
};
static int match_here(struct match_state *m, struct node *n, int i, const struct cont *k, int *end);
static int continue_with(struct match_state *m, const struct cont *k, int i, int *end) {
    if (!k) { *end = i; return 1; }
    if (k->guard >= 0 && i == k->guard) return 0;
    return match_here(m, k->n, i, k->next, end);
}
static int match_here(struct match_state *m, struct node *n, int i, const struct cont *k, int *end) {
    if (++m->steps > 2000000) return 0;
    unsigned char c = (unsigned char)m->text[i];
    switch (n->kind) {
    case N_EMPTY: return continue_with(m, k, i, end);
    case N_CHAR: return c && c == n->c && continue_with(m, k, i + 1, end);
    case N_ANY: return c && c != '\n' && continue_with(m, k, i + 1, end);
    case N_SET: return c && (n->set[c >> 3] >> (c & 7) & 1) && continue_with(m, k, i + 1, end);
    case N_BOL: return i == 0 && continue_with(m, k, i, end);
    case N_EOL: return c == 0 && continue_with(m, k, i, end);
    case N_CAT: {
        struct cont then = {n->b, k, -1};
        return match_here(m, n->a, i, &then, end);
    }
    case N_ALT: return match_here(m, n->a, i, k, end) || match_here(m, n->b, i, k, end);
    case N_QUEST: return match_here(m, n->a, i, k, end) || continue_with(m, k, i, end);
    case N_STAR: {
        /* Greedy: one more repetition (which must consume), else stop. */
        struct cont again = {n, k, i};
        if (match_here(m, n->a, i, &again, end)) return 1;
        return continue_with(m, k, i, end);
    }
    case N_PLUS: {
        struct node star = {N_STAR, 0, {0}, n->a, NULL};
        struct cont rest = {&star, k, -1};
        return match_here(m, n->a, i, &rest, end);
    }
    }
    return 0;
}
/* The leftmost match: its start and end, or -1. */
static int regex_search(const char *pattern, const char *text, int *start, int *end, int *steps) {
    static struct regex_parser r;
    memset(&r, 0, sizeof r);
    r.s = pattern;
    struct node *root = parse_alt(&r);
    if (r.error || pattern[r.pos]) return -2;
    struct match_state m = {text, 0};
    int len = (int)strlen(text);
    for (int s = 0; s <= len; s++) {
        m.text = text;
        if (match_here(&m, root, s, NULL, end)) { *start = s; *steps = m.steps; return 1; }
    }
    *steps = m.steps;
    return -1;
}

static void regex_section(void) {
    static const char *const patterns[] = {"abc", "a.c", "^abc$", "a*b", "a+b", "colou?r", "[0-9]+", "[^a-z ]+",
                                           "(ab)+c", "cat|dog|bird", "^(a|b)*$", "x*", "(a*)*b", "[a-c-]+", "\\.\\*",
                                           "h(e|a)llo w.rld", "([a-z]+)@([a-z]+)\\.com", "(((a)))", "a|", "(", "a**",
                                           "[]a]+", "q[^u]", "(x+x+)+y", ".*z$"};
    static const char *const texts[] = {"abc", "xxabcxx", "aaab", "b", "the color and colour", "phone 555-1234",
                                        "Hello, World!", "ababab c ababc", "a dog and a cat", "abba", "",
                                        "write to mail@example.com now", "a.*b", "---cab", "qatar quit",
                                        "xxxxxxxxxxxxxxxxxxxxxy", "xxxxxxxxxxxxxxxz", "hallo wirld"};
    for (unsigned p = 0; p < sizeof patterns / sizeof patterns[0]; p++) {
        printf("regex %-24s", patterns[p]);
        for (unsigned t = 0; t < sizeof texts / sizeof texts[0]; t++) {
            int start = 0, end = 0, steps = 0;
            int r = regex_search(patterns[p], texts[t], &start, &end, &steps);
            if (r == -2) { printf(" syntax-error"); break; }
            if (r == 1) printf(" %d-%d", start, end);
            else printf(" -");
        }
        printf("\n");
    }
}

/* ======================= Big numbers ======================= */
/* Little-endian limbs of base 10^9. */
struct big {
    uint32_t *limb;
    int n, cap;
};
#define BASE 1000000000u
static void big_init(struct big *b, uint32_t v) {
    b->cap = 8;
    b->limb = calloc((size_t)b->cap, sizeof *b->limb);
    if (!b->limb) abort();
    b->limb[0] = v % BASE;
    b->limb[1] = v / BASE;
    b->n = b->limb[1] ? 2 : 1;
}
static void big_reserve(struct big *b, int n) {
    if (n <= b->cap) return;
    while (b->cap < n) b->cap *= 2;
    b->limb = realloc(b->limb, (size_t)b->cap * sizeof *b->limb);
    if (!b->limb) abort();
}
static void big_mul_small(struct big *b, uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->limb[i] * m + carry;
        b->limb[i] = (uint32_t)(t % BASE);
        carry = t / BASE;
    }
    while (carry) {
        big_reserve(b, b->n + 1);
        b->limb[b->n++] = (uint32_t)(carry % BASE);
        carry /= BASE;
    }
}
static void big_add(struct big *r, const struct big *a, const struct big *b) {
    int n = a->n > b->n ? a->n : b->n;
    big_reserve(r, n + 1);
    uint32_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint32_t s = (i < a->n ? a->limb[i] : 0) + (i < b->n ? b->limb[i] : 0) + carry;
        carry = s >= BASE;
        r->limb[i] = carry ? s - BASE : s;
    }
    r->n = n;
    if (carry) r->limb[r->n++] = 1;
}
static void big_mul(struct big *r, const struct big *a, const struct big *b) {
    int n = a->n + b->n;
    uint64_t *acc = calloc((size_t)n + 1, sizeof *acc);
    if (!acc) abort();
    for (int i = 0; i < a->n; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < b->n; j++) {
            uint64_t t = acc[i + j] + (uint64_t)a->limb[i] * b->limb[j] + carry;
            acc[i + j] = t % BASE;
            carry = t / BASE;
        }
        for (int k = i + b->n; carry; k++) {
            uint64_t t = acc[k] + carry;
            acc[k] = t % BASE;
            carry = t / BASE;
        }
    }
    big_reserve(r, n);
    for (int i = 0; i < n; i++) r->limb[i] = (uint32_t)acc[i];
    r->n = n;
    while (r->n > 1 && r->limb[r->n - 1] == 0) r->n--;
    free(acc);
}
/* The decimal digits into a new string. */
static char *big_string(const struct big *b) {
    char *s = malloc((size_t)b->n * 9 + 2);
    if (!s) abort();
    int len = sprintf(s, "%" PRIu32, b->limb[b->n - 1]);
    for (int i = b->n - 2; i >= 0; i--) len += sprintf(s + len, "%09" PRIu32, b->limb[i]);
    return s;
}
static void show_big(const char *label, const struct big *b) {
    char *s = big_string(b);
    size_t len = strlen(s);
    unsigned digit_sum = 0;
    for (size_t i = 0; i < len; i++) digit_sum += (unsigned)(s[i] - '0');
    if (len <= 120) printf("%s = %s\n", label, s);
    else printf("%s: %zu digits, digit sum %u, starts %.20s, ends %s\n", label, len, digit_sum, s, s + len - 20);
    free(s);
}

static void bignum_section(void) {
    struct big f;
    big_init(&f, 1);
    for (uint32_t i = 2; i <= 1000; i++) {
        big_mul_small(&f, i);
        if (i == 25 || i == 52 || i == 100 || i == 1000) {
            char label[32];
            snprintf(label, sizeof label, "%" PRIu32 "!", i);
            show_big(label, &f);
        }
    }
    struct big a, b, c;
    big_init(&a, 0);
    big_init(&b, 1);
    big_init(&c, 0);
    for (int i = 2; i <= 2000; i++) {
        big_add(&c, &a, &b);
        struct big t = a;
        a = b;
        b = c;
        c = t;
        if (i == 93 || i == 300 || i == 2000) {
            char label[32];
            snprintf(label, sizeof label, "fib(%d)", i);
            show_big(label, &b);
        }
    }
    struct big p, sq;
    big_init(&p, 2);
    big_init(&sq, 0);
    for (int i = 0; i < 10; i++) { /* 2^1024 by repeated squaring */
        big_mul(&sq, &p, &p);
        struct big t = p;
        p = sq;
        sq = t;
    }
    show_big("2^1024", &p);
    big_mul(&sq, &p, &f);
    show_big("2^1024 * 1000!", &sq);
    free(f.limb), free(a.limb), free(b.limb), free(c.limb), free(p.limb), free(sq.limb);
}

/* ======================= Sudoku ======================= */
static int grid[81];
static uint16_t rows[9], cols[9], boxes[9];
static uint32_t sudoku_nodes;
static int box_of(int cell) { return (cell / 27) * 3 + (cell % 9) / 3; }
static int solve(void) {
    /* The empty cell with the fewest candidates. */
    int best = -1, best_count = 10;
    uint16_t best_mask = 0;
    for (int cell = 0; cell < 81; cell++) {
        if (grid[cell]) continue;
        uint16_t mask = (uint16_t)(~(rows[cell / 9] | cols[cell % 9] | boxes[box_of(cell)]) & 0x1ff);
        int count = __builtin_popcount(mask);
        if (count < best_count) { best = cell; best_count = count; best_mask = mask; }
        if (count == 0) return 0;
    }
    if (best < 0) return 1;
    for (int d = 0; d < 9; d++) {
        if (!(best_mask >> d & 1)) continue;
        sudoku_nodes++;
        uint16_t bit = (uint16_t)(1 << d);
        grid[best] = d + 1;
        rows[best / 9] |= bit, cols[best % 9] |= bit, boxes[box_of(best)] |= bit;
        if (solve()) return 1;
        rows[best / 9] &= (uint16_t)~bit, cols[best % 9] &= (uint16_t)~bit, boxes[box_of(best)] &= (uint16_t)~bit;
        grid[best] = 0;
    }
    return 0;
}
static void sudoku_section(void) {
    static const char *const puzzles[] = {
        "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79",
        "8..........36......7..9.2...5...7.......457.....1...3...1....68..85...1..9....4..",
        "..9748...7.........2.1.9.....7...24..64.1.59..98...3.....8.3.2.........6...2759..",
        "11.......................................................................................",
    };
    for (unsigned p = 0; p < sizeof puzzles / sizeof puzzles[0]; p++) {
        memset(rows, 0, sizeof rows), memset(cols, 0, sizeof cols), memset(boxes, 0, sizeof boxes);
        sudoku_nodes = 0;
        int valid = 1;
        for (int cell = 0; cell < 81; cell++) {
            char ch = puzzles[p][cell];
            grid[cell] = ch >= '1' && ch <= '9' ? ch - '0' : 0;
            if (!grid[cell]) continue;
            uint16_t bit = (uint16_t)(1 << (grid[cell] - 1));
            if ((rows[cell / 9] | cols[cell % 9] | boxes[box_of(cell)]) & bit) valid = 0;
            rows[cell / 9] |= bit, cols[cell % 9] |= bit, boxes[box_of(cell)] |= bit;
        }
        if (!valid) { printf("sudoku %u: invalid puzzle\n", p); continue; }
        int solved = solve();
        printf("sudoku %u: %s after %" PRIu32 " placements\n", p, solved ? "solved" : "no solution", sudoku_nodes);
        if (solved)
            for (int r = 0; r < 9; r++) {
                printf("  ");
                for (int c = 0; c < 9; c++) printf("%d%s", grid[r * 9 + c], c == 2 || c == 5 ? " | " : c < 8 ? " " : "\n");
            }
    }
}

/* ======================= N-queens ======================= */
static uint32_t queens(int n, int row, uint32_t cols_used, uint32_t d1, uint32_t d2) {
    if (row == n) return 1;
    uint32_t count = 0, free_cols = ~(cols_used | d1 | d2) & ((1u << n) - 1);
    while (free_cols) {
        uint32_t bit = free_cols & -free_cols;
        free_cols ^= bit;
        count += queens(n, row + 1, cols_used | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
    }
    return count;
}

/* ======================= Word count and Huffman ======================= */
struct entry {
    char *word;
    uint32_t count;
    struct entry *next;
};
static uint32_t fnv1a(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}
static int by_count_then_word(const void *x, const void *y) {
    const struct entry *a = *(const struct entry *const *)x, *b = *(const struct entry *const *)y;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    return strcmp(a->word, b->word);
}
static void words_section(void) {
    static const char *const vocabulary[] = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
                                             "translator", "block", "guest", "host", "register", "flag", "memory",
                                             "branch", "cache", "page", "signal", "thread"};
    /* A generated text: word i is chosen by a linear congruential generator with a skew. */
    size_t cap = 1 << 18, len = 0;
    char *text = malloc(cap);
    if (!text) abort();
    uint32_t seed = 2024;
    for (int i = 0; i < 20000; i++) {
        seed = seed * 1664525u + 1013904223u;
        uint32_t r = seed >> 8;
        unsigned w = (r % 20) * (r % 3 == 0) + (r % 7) * (r % 3 != 0);
        len += (size_t)snprintf(text + len, cap - len, "%s%s", i ? (i % 17 == 0 ? ".\n" : " ") : "", vocabulary[w]);
    }
    enum { BUCKETS = 64 };
    struct entry *table[BUCKETS] = {0};
    int distinct = 0;
    uint32_t letters[256] = {0};
    for (char *word = strtok(text, " .\n"); word; word = strtok(NULL, " .\n")) {
        for (char *c = word; *c; c++) letters[(unsigned char)*c]++;
        uint32_t h = fnv1a(word) % BUCKETS;
        struct entry *e = table[h];
        while (e && strcmp(e->word, word) != 0) e = e->next;
        if (!e) {
            e = malloc(sizeof *e);
            if (!e) abort();
            e->word = strdup(word);
            e->count = 0;
            e->next = table[h];
            table[h] = e;
            distinct++;
        }
        e->count++;
    }
    struct entry **all = malloc((size_t)distinct * sizeof *all);
    if (!all) abort();
    int k = 0;
    for (int b = 0; b < BUCKETS; b++)
        for (struct entry *e = table[b]; e; e = e->next) all[k++] = e;
    qsort(all, (size_t)distinct, sizeof *all, by_count_then_word);
    printf("words: %d distinct\n", distinct);
    for (int i = 0; i < distinct; i++) printf("  %-12s %" PRIu32 "\n", all[i]->word, all[i]->count);
    /* Huffman code lengths for the letter frequencies (ties broken by symbol). */
    int sym[64], nsym = 0;
    uint64_t weight[128];
    int parent[128], nodes = 0;
    for (int c = 0; c < 256; c++)
        if (letters[c]) { sym[nsym] = c; weight[nodes] = letters[c]; parent[nodes] = -1; nsym++; nodes++; }
    int alive[128], nalive = nodes;
    for (int i = 0; i < nodes; i++) alive[i] = i;
    while (nalive > 1) {
        int lo[2];
        for (int t = 0; t < 2; t++) {
            int best = 0;
            for (int i = 1; i < nalive; i++)
                if (weight[alive[i]] < weight[alive[best]] || (weight[alive[i]] == weight[alive[best]] && alive[i] < alive[best])) best = i;
            lo[t] = alive[best];
            alive[best] = alive[--nalive];
        }
        weight[nodes] = weight[lo[0]] + weight[lo[1]];
        parent[nodes] = -1;
        parent[lo[0]] = parent[lo[1]] = nodes;
        alive[nalive++] = nodes++;
    }
    uint64_t bits = 0;
    printf("huffman:");
    for (int i = 0; i < nsym; i++) {
        int depth = 0;
        for (int n = i; parent[n] >= 0; n = parent[n]) depth++;
        bits += (uint64_t)depth * letters[sym[i]];
        printf(" %c=%d", sym[i], depth);
    }
    printf("\nhuffman total bits %" PRIu64 "\n", bits);
    for (int b = 0; b < BUCKETS; b++)
        for (struct entry *e = table[b], *next; e; e = next) { next = e->next; free(e->word); free(e); }
    free(all);
    free(text);
}

int main(void) {
    json_section();
    regex_section();
    bignum_section();
    sudoku_section();
    for (int n = 1; n <= 11; n++) printf("queens(%d) = %" PRIu32 "\n", n, queens(n, 0, 0, 0, 0));
    words_section();
    return 0;
}
