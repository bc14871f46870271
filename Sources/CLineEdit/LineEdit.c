// Loading libedit at run time and driving its readline emulation.

#include "CLineEdit.h"
#include "Interrupt.h"

#include <dlfcn.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// The parts of libedit's readline emulation the shim uses, declared here
// because the libedit development headers are not installed on a fresh machine.
typedef char *readline_function(const char *prompt);
typedef int add_history_function(const char *line);
typedef void stifle_history_function(int max_entries);
typedef int history_file_function(const char *path);
typedef int initialize_function(void);
typedef char **attempted_completion_function(const char *text, int start, int end);
typedef int getc_function(FILE *stream);

static struct {
  readline_function *readline;
  add_history_function *add_history;
  stifle_history_function *stifle_history;
  history_file_function *read_history;
  history_file_function *write_history;
  initialize_function *rl_initialize;
  // Variables: dlsym gives their addresses.
  int *rl_catch_signals;
  const char **rl_readline_name;
  const char **rl_basic_word_break_characters;
  attempted_completion_function **rl_attempted_completion_function;
  int *rl_attempted_completion_over;
  char **rl_line_buffer;
  getc_function **rl_getc_function;
} libedit;

static const char *const library_names[] = {
#ifdef __APPLE__
    "libedit.3.dylib",
#else
    "libedit.so.2",
    "libedit.so",
#endif
};

static int loaded;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static int resolve_symbols(void *handle) {
#define RESOLVE(symbol)                                   \
  if ((libedit.symbol = dlsym(handle, #symbol)) == NULL) \
    return 0;
  RESOLVE(readline)
  RESOLVE(add_history)
  RESOLVE(stifle_history)
  RESOLVE(read_history)
  RESOLVE(write_history)
  RESOLVE(rl_initialize)
  RESOLVE(rl_catch_signals)
  RESOLVE(rl_readline_name)
  RESOLVE(rl_basic_word_break_characters)
  RESOLVE(rl_attempted_completion_function)
  RESOLVE(rl_attempted_completion_over)
  RESOLVE(rl_line_buffer)
  RESOLVE(rl_getc_function)
#undef RESOLVE
  return 1;
}

static void load(void) {
  for (size_t i = 0; i < sizeof library_names / sizeof library_names[0]; i++) {
    void *handle = dlopen(library_names[i], RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL)
      continue;
    if (resolve_symbols(handle)) {
      loaded = 1;
      return;
    }
    dlclose(handle);
  }
}

int okr_le_load(void) {
  pthread_once(&load_once, load);
  return loaded;
}

// libedit decodes keystrokes with the C library's multibyte functions; in the
// "C" locale a Swift program starts in, every non-ASCII byte would be dropped.
static void select_utf8_locale(void) {
  if (setlocale(LC_CTYPE, "") != NULL && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
    return;
  if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
    setlocale(LC_CTYPE, "UTF-8");
}

// ---- Completion ----

static okr_le_completer completer;

// The candidates reported during one completion, laid out as libedit's match
// array: slot 0 is reserved for the text that replaces libedit's word, the
// candidates follow, and a NULL ends the array.
static struct {
  char **slots;
  size_t used;
  size_t capacity;
  int failed;
} matches;

static void matches_reset(void) {
  matches.slots = NULL;
  matches.used = 1;
  matches.capacity = 0;
  matches.failed = 0;
}

static void matches_free(void) {
  for (size_t i = 1; i < matches.used; i++)
    free(matches.slots[i]);
  free(matches.slots);
  matches_reset();
}

void okr_le_add_candidate(const char *candidate) {
  if (matches.failed)
    return;
  if (matches.used + 1 >= matches.capacity) {
    size_t capacity = matches.capacity ? matches.capacity * 2 : 16;
    char **slots = realloc(matches.slots, capacity * sizeof *slots);
    if (slots == NULL) {
      matches.failed = 1;
      return;
    }
    matches.slots = slots;
    matches.capacity = capacity;
  }
  char *copy = strdup(candidate);
  if (copy == NULL) {
    matches.failed = 1;
    return;
  }
  matches.slots[matches.used++] = copy;
}

void okr_le_set_completer(okr_le_completer new_completer) { completer = new_completer; }

// The byte offset of the `characters`-th character of `line`.
static size_t byte_offset(const char *line, size_t length, int characters) {
  mbstate_t state;
  memset(&state, 0, sizeof state);
  size_t offset = 0;
  for (int i = 0; i < characters && offset < length; i++) {
    size_t width = mbrlen(line + offset, length - offset, &state);
    if (width == (size_t)-1 || width == (size_t)-2 || width == 0) {
      memset(&state, 0, sizeof state);
      width = 1;
    }
    offset += width;
  }
  return offset;
}

// Length of the longest common prefix of the candidates, never splitting a
// UTF-8 sequence.
static size_t common_prefix_length(char *const *candidates, size_t count) {
  size_t length = strlen(candidates[0]);
  for (size_t i = 1; i < count; i++) {
    size_t same = 0;
    while (same < length && candidates[i][same] == candidates[0][same])
      same++;
    length = same;
  }
  while (length > 0 && (candidates[0][length] & 0xC0) == 0x80)
    length--;
  return length;
}

// What the line from its start to the cursor becomes: the text before the
// word, then the single candidate, or the candidates' common prefix when it
// is at least as long as the typed word, or else the typed word itself.
static char *completed_head(const char *line, size_t word_start, size_t cursor) {
  char *const *candidates = matches.slots + 1;
  size_t count = matches.used - 1;
  const char *word = line + word_start;
  size_t word_length = cursor - word_start;
  if (count == 1) {
    word = candidates[0];
    word_length = strlen(word);
  } else {
    size_t prefix = common_prefix_length(candidates, count);
    if (prefix >= word_length) {
      word = candidates[0];
      word_length = prefix;
    }
  }
  char *head = malloc(word_start + word_length + 1);
  if (head == NULL)
    return NULL;
  memcpy(head, line, word_start);
  memcpy(head + word_start, word, word_length);
  head[word_start + word_length] = '\0';
  return head;
}

// libedit's attempted-completion hook. `text` is libedit's own idea of the
// word: with no word-break characters it runs from the line start (or just
// after a leading quote) to the cursor, `end` is the cursor in characters.
// The completer may pick any shorter word; match[0] rewrites libedit's word
// so that the line ends up as completed_head() describes.
static char **complete(const char *text, int start, int end) {
  (void)start;
  // Never fall back to libedit's file name completion.
  *libedit.rl_attempted_completion_over = 1;
  const char *line = *libedit.rl_line_buffer;
  if (completer == NULL || line == NULL)
    return NULL;
  size_t length = strlen(line);
  size_t cursor = byte_offset(line, length, end);
  size_t typed = strlen(text);
  if (typed > cursor || memcmp(line + cursor - typed, text, typed) != 0)
    return NULL;
  size_t libedit_start = cursor - typed;

  matches_reset();
  long word_start = completer(line, (long)cursor);
  if (word_start < 0 || (size_t)word_start > cursor || matches.failed || matches.used == 1) {
    matches_free();
    return NULL;
  }
  char *head = completed_head(line, (size_t)word_start, cursor);
  char *replacement = NULL;
  if (head != NULL && strncmp(head, line, libedit_start) == 0)
    replacement = strdup(head + libedit_start);
  else if (head != NULL)
    replacement = strdup(text);
  free(head);
  if (replacement == NULL) {
    matches_free();
    return NULL;
  }
  // A single match is one libedit recognises as exact (match[1] equal to
  // match[0]), so it appends a space instead of listing alternatives.
  if (matches.used == 2) {
    char *copy = strdup(replacement);
    if (copy == NULL) {
      free(replacement);
      matches_free();
      return NULL;
    }
    free(matches.slots[1]);
    matches.slots[1] = copy;
  }
  matches.slots[0] = replacement;
  matches.slots[matches.used] = NULL;
  char **result = matches.slots;  // libedit frees the array and its strings.
  matches_reset();
  return result;
}

// ---- Reading lines and history ----

/// The bytes a UTF-8 sequence starting with `lead` has; 0 for a byte that cannot start one.
static int utf8_length(unsigned char lead) {
  if (lead < 0x80)
    return 1;
  if (lead >= 0xC2 && lead <= 0xDF)
    return 2;
  if (lead >= 0xE0 && lead <= 0xEF)
    return 3;
  if (lead >= 0xF0 && lead <= 0xF4)
    return 4;
  return 0;
}

/// Sets NOFLSH in the terminal's editing mode (libedit clears it on entering that
/// mode and restores the user's settings on leaving it), so that Ctrl-C leaves
/// typed keys in place for read_character to drop.
static void keep_keys_on_interrupt(void) {
  struct termios settings;
  if (tcgetattr(STDIN_FILENO, &settings) != 0 || (settings.c_lflag & NOFLSH))
    return;
  settings.c_lflag |= NOFLSH;
  tcsetattr(STDIN_FILENO, TCSANOW, &settings);
}

/// libedit's source of keystrokes (rl_getc_function): one character from the
/// terminal as a code point, or EOF when Ctrl-C was pressed or input ended.
/// Waiting goes through okr_le_interrupt_wait_for_input, so Ctrl-C ends the line
/// whenever it comes; libedit's own reading would retry a read() the signal cut
/// short and miss a signal that came between two reads. A malformed sequence
/// reads as U+FFFD.
///
/// read() only follows a wait that found input, and that input stays: the
/// terminal keeps typed keys on Ctrl-C while a line is read (see
/// keep_keys_on_interrupt), else a Ctrl-C between the two would flush them and
/// leave read() blocked with SIGINT held back. The keys typed before Ctrl-C are
/// dropped here instead, as the terminal would have.
static int read_character(FILE *stream) {
  (void)stream;
  // A byte that broke the sequence before it: it starts the next character.
  static int next_byte = -1;
  unsigned char bytes[4];
  int length = 0;
  int expected = 1;
  keep_keys_on_interrupt();
  while (length < expected) {
    if (next_byte >= 0) {
      bytes[length] = (unsigned char)next_byte;
      next_byte = -1;
    } else {
      int waited = okr_le_interrupt_wait_for_input(STDIN_FILENO);
      if (waited == 0)
        tcflush(STDIN_FILENO, TCIFLUSH);
      if (waited <= 0)
        return EOF;
      ssize_t count = read(STDIN_FILENO, &bytes[length], 1);
      if (count == 0)
        return EOF;
      if (count < 0) {
        if (errno == EINTR || errno == EAGAIN)
          continue;
        return EOF;
      }
    }
    if (length == 0) {
      expected = utf8_length(bytes[0]);
      if (expected == 0)
        return 0xFFFD;
    } else if ((bytes[length] & 0xC0) != 0x80) {
      next_byte = bytes[length];
      return 0xFFFD;
    }
    length++;
  }
  if (expected == 1)
    return bytes[0];
  int code = bytes[0] & (0x7F >> expected);
  for (int i = 1; i < expected; i++)
    code = (code << 6) | (bytes[i] & 0x3F);
  return code;
}

void okr_le_start(const char *application_name) {
  static char *name;
  static const char no_word_breaks[] = "";
  select_utf8_locale();
  free(name);
  name = strdup(application_name);
  *libedit.rl_readline_name = name != NULL ? name : "";
  *libedit.rl_catch_signals = 0;
  *libedit.rl_basic_word_break_characters = no_word_breaks;
  *libedit.rl_attempted_completion_function = complete;
  *libedit.rl_getc_function = read_character;
  libedit.rl_initialize();
}

char *okr_le_readline(const char *prompt, okr_le_status *status) {
  okr_le_interrupt_begin_reading();
  char *line = libedit.readline(prompt);
  int interrupted = okr_le_interrupt_end_reading();
  if (line != NULL) {
    *status = OKR_LE_LINE;
    return line;
  }
  *status = interrupted ? OKR_LE_INTERRUPTED : OKR_LE_END_OF_INPUT;
  fputs("\n", stdout);
  fflush(stdout);
  return NULL;
}

void okr_le_add_history(const char *line) { libedit.add_history(line); }

void okr_le_limit_history(int max_entries) { libedit.stifle_history(max_entries); }

int okr_le_read_history(const char *path) { return libedit.read_history(path); }

int okr_le_write_history(const char *path) { return libedit.write_history(path); }
