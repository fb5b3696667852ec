// Types for the service-worker virtual modules: the root layout registers the worker itself (DECISIONS §7).
/// <reference types="vite-plugin-pwa/vanillajs" />
/// <reference types="vite-plugin-pwa/info" />

export {};
