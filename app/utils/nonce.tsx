import { createContext, useContext } from "react";

// The Content-Security-Policy nonce of this response (server.mjs makes one per request). Only
// scripts carrying it run; the browser hides its value from the page after loading, so on the
// client it is "" and the attributes are not compared during hydration.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
