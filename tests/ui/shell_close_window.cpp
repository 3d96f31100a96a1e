// tests/ui/shell_close_window — asks the window titled "Rendezvous" to close, as a window
// manager's close button does (WM_DELETE_WINDOW), waiting up to 30 s for it to appear.
// Before each click and after each close request it waits for the window's picture to settle
// (drawn, and unchanged for a moment; at most 10 s), so that a slow start or a slow frame under
// a sanitizer does not make a click land before its button is drawn.
// Exit 0 once sent, 1 when no display or no such window.
//
//   shell_close_window [--click X Y | --close]...
//       clicks at these window coordinates (the pointer is moved there, the button press is
//       sent to the window) and sends the close request, in the order given; with no --close,
//       the close request comes last.
#include "tests/support/x_window.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

namespace {

// The window named `title`, or 0.
Window find(Display* d, Window w, const char* title) {
  return rdv::test::find_window(
      d, w, [title](const char* name) { return std::strcmp(name, title) == 0; });
}

// X errors (the window gone once the app has quit) are not fatal here: the calls fail instead.
int ignore_error(Display*, XErrorEvent*) {
  return 0;
}

// A checksum of the window's picture, sampled on a grid; `uniform` tells whether every
// sample had the same colour (a window not drawn yet); `gone` that the window is no more.
unsigned long long picture(Display* d, Window w, bool* uniform, bool* gone) {
  XWindowAttributes a{};
  *uniform = true;
  *gone = XGetWindowAttributes(d, w, &a) == 0;
  if (*gone || a.width <= 0 || a.height <= 0) return 0;
  XImage* img = XGetImage(d, w, 0, 0, static_cast<unsigned>(a.width),
                          static_cast<unsigned>(a.height), AllPlanes, ZPixmap);
  if (img == nullptr) return 0;
  unsigned long long sum = 1469598103934665603ULL;
  unsigned long first = XGetPixel(img, 0, 0);
  for (int y = 0; y < a.height; y += 4) {
    for (int x = 0; x < a.width; x += 4) {
      const unsigned long p = XGetPixel(img, x, y);
      if (p != first) *uniform = false;
      sum = (sum ^ p) * 1099511628211ULL;
    }
  }
  XDestroyImage(img);
  return sum;
}

// Waits until the window is drawn and its picture has not changed for about half a second.
void settle(Display* d, Window w) {
  unsigned long long last = 0;
  int same = 0;
  for (int i = 0; i < 100 && same < 4; ++i) {
    bool uniform = true, gone = false;
    const unsigned long long now = picture(d, w, &uniform, &gone);
    if (gone) return;
    same = (!uniform && now == last) ? same + 1 : 0;
    last = now;
    usleep(120 * 1000);
  }
}

}  // namespace

void click(Display* d, Window w, int x, int y) {
  settle(d, w);
  XSetInputFocus(d, w, RevertToParent, CurrentTime);
  XWarpPointer(d, None, w, 0, 0, 0, 0, x, y);
  XFlush(d);
  usleep(400 * 1000);
  for (const int type : {ButtonPress, ButtonRelease}) {
    XEvent e{};
    e.xbutton.type = type;
    e.xbutton.window = w;
    e.xbutton.root = DefaultRootWindow(d);
    e.xbutton.x = x;
    e.xbutton.y = y;
    e.xbutton.button = Button1;
    e.xbutton.same_screen = True;
    XSendEvent(d, w, True, type == ButtonPress ? ButtonPressMask : ButtonReleaseMask, &e);
    XFlush(d);
    usleep(200 * 1000);
  }
  usleep(400 * 1000);
}

void send_close(Display* d, Window w) {
  rdv::test::send_close_request(d, w);
  usleep(800 * 1000);
  settle(d, w);
}

int main(int argc, char** argv) {
  Display* d = XOpenDisplay(nullptr);
  if (d == nullptr) {
    std::fprintf(stderr, "shell_close_window: no display\n");
    return 1;
  }
  XSetErrorHandler(ignore_error);
  for (int tries = 0; tries < 300; ++tries) {
    const Window w = find(d, DefaultRootWindow(d), "Rendezvous");
    if (w != 0) {
      settle(d, w);  // let the app draw its first frames
      bool closed = false;
      for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--click") == 0 && i + 2 < argc) {
          click(d, w, std::atoi(argv[i + 1]), std::atoi(argv[i + 2]));
          i += 2;
        } else if (std::strcmp(argv[i], "--close") == 0) {
          send_close(d, w);
          closed = true;
        }
      }
      if (!closed) send_close(d, w);
      XCloseDisplay(d);
      return 0;
    }
    usleep(100 * 1000);
  }
  std::fprintf(stderr, "shell_close_window: no window titled Rendezvous\n");
  XCloseDisplay(d);
  return 1;
}
