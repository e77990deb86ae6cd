import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import 'leaflet/dist/leaflet.css'
import './console.css'
import App from './App.vue'
import { i18n } from './i18n.js'
import { router } from './router.js'

createApp(App).use(i18n).use(router).use(ElementPlus).mount('#app')
