// tests/ui/shell_close_window — asks the window titled "Rendezvous" to close, as a window
// manager's close button does (WM_DELETE_WINDOW), waiting up to 30 s for it to appear.
// Exit 0 once sent, 1 when no display or no such window.
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <unistd.h>

#include <cstdio>
#include <cstring>

namespace {

Window find(Display* d, Window w, const char* title) {
  char* name = nullptr;
  if (XFetchName(d, w, &name) != 0 && name != nullptr) {
    const bool match = std::strcmp(name, title) == 0;
    XFree(name);
    if (match) return w;
  }
  Window root = 0, parent = 0, *children = nullptr;
  unsigned n = 0;
  if (XQueryTree(d, w, &root, &parent, &children, &n) == 0) return 0;
  Window found = 0;
  for (unsigned i = 0; i < n && found == 0; ++i) found = find(d, children[i], title);
  if (children != nullptr) XFree(children);
  return found;
}

}  // namespace

int main() {
  Display* d = XOpenDisplay(nullptr);
  if (d == nullptr) {
    std::fprintf(stderr, "shell_close_window: no display\n");
    return 1;
  }
  for (int tries = 0; tries < 300; ++tries) {
    const Window w = find(d, DefaultRootWindow(d), "Rendezvous");
    if (w != 0) {
      usleep(1500 * 1000);  // let the app draw a few frames first
      XEvent e{};
      e.xclient.type = ClientMessage;
      e.xclient.window = w;
      e.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
      e.xclient.format = 32;
      e.xclient.data.l[0] = static_cast<long>(XInternAtom(d, "WM_DELETE_WINDOW", False));
      e.xclient.data.l[1] = CurrentTime;
      XSendEvent(d, w, False, NoEventMask, &e);
      XFlush(d);
      XCloseDisplay(d);
      return 0;
    }
    usleep(100 * 1000);
  }
  std::fprintf(stderr, "shell_close_window: no window titled Rendezvous\n");
  XCloseDisplay(d);
  return 1;
}
