/* Prints its argv and the environment variables whose names start with CLI_, and exits with
   the status in CLI_EXIT (default 0). Used by Scripts/cli-tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
extern char **environ;
int main(int argc, char **argv) {
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    for (char **e = environ; *e; e++) if (strncmp(*e, "CLI_", 4) == 0) printf("env %s\n", *e);
    const char *path = getenv("PATH");
    printf("PATH %s\n", path ? "set" : "unset");
    const char *code = getenv("CLI_EXIT");
    return code ? atoi(code) : 0;
}
