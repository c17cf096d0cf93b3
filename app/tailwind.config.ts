import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // Deep civic blue with a warm accent: calm and high-contrast on white.
        brand: {
          50: "#eef5ff",
          100: "#d9e8ff",
          200: "#b5d1ff",
          500: "#1f5fbf",
          600: "#174ea3",
          700: "#123f85",
          800: "#0e3269",
          900: "#0a2450",
        },
        accent: { 100: "#fff1d6", 500: "#e59a00", 700: "#9a6200" },
      },
      fontFamily: {
        sans: ['"Noto Sans"', "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
      },
    },
  },
  plugins: [],
} satisfies Config;
