// tests/support/x_window.h — finding the app's window on an X server and asking it to close, for
// the tests (and their helper programs) that talk to the window as a window manager would.
// Header-only; link X11.
#pragma once

#include <X11/Xlib.h>
#include <X11/Xutil.h>

namespace rdv::test {

// The first window at or below `w` (depth first) whose name `match(const char*)` accepts, or 0.
template <class Match>
Window find_window(Display* d, Window w, const Match& match) {
  char* name = nullptr;
  if (XFetchName(d, w, &name) != 0 && name != nullptr) {
    const bool found = match(static_cast<const char*>(name));
    XFree(name);
    if (found) return w;
  }
  Window root = 0, parent = 0, *children = nullptr;
  unsigned n = 0;
  if (XQueryTree(d, w, &root, &parent, &children, &n) == 0) return 0;
  Window found = 0;
  for (unsigned i = 0; i < n && found == 0; ++i) found = find_window(d, children[i], match);
  if (children != nullptr) XFree(children);
  return found;
}

// Asks window `w` to close as a window manager does when its close button is pressed (a
// WM_DELETE_WINDOW client message), and flushes the request to the server.
inline void send_close_request(Display* d, Window w) {
  XEvent e{};
  e.xclient.type = ClientMessage;
  e.xclient.window = w;
  e.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
  e.xclient.format = 32;
  e.xclient.data.l[0] = static_cast<long>(XInternAtom(d, "WM_DELETE_WINDOW", False));
  e.xclient.data.l[1] = CurrentTime;
  XSendEvent(d, w, False, NoEventMask, &e);
  XFlush(d);
}

}  // namespace rdv::test
